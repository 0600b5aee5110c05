// Subject attachment for head-final languages with particles (Korean), driven by tables:
//   particle          suffixes stripped from a word, each with its role: subject (이 가 은 는),
//                     object, genitive (의), conj (과 와), other (에 에서 로 ...), predicate
//   conjunction       words that join nouns inside a phrase (및)
//   subject_stop      words a phrase never crosses going back (산하: "X 산하 Y" counts Y)
//   predicate_ending  endings that make a word a verb, not a noun (다, 니다, 했 ...); a value
//                     names the sound the stem must end in (고 after the past ㅆ: 탔고)
//   particle_final    particles that need a stem ending in a consonant or a vowel
//   adverb            adverbs that may stand between a figure and its subject or verb (모두, 더)
//   numbered_noun     words with digits that are nouns in a phrase (1인: 1인 가구)
// A language without these tables gets no subjects.
//
// The cases, tried in order (figure F, words around it):
//   1. F의 NP          -> NP after    (674개의 기초당 조직이), but NP F의 -> NP before
//   2. NP이/가/은/는 F  -> NP before   (기층당 조직이 725개)
//   3. F NP (F bare)   -> NP after when the phrase closes with a particle or comma (179개 부,)
//   4. NP F            -> NP before   (동지 5명을, 기층당 조직 318개 점검)
// Adverbs are hopped over going back (당원은 모두 6,870명).
// Percentages take a subject only from 의 (91.7%의 단위, 비서의 100%).
#include "attach/attach.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>

#include "text/ascii.h"
#include "text/utf8.h"

namespace sosu::internal {
namespace {

struct Word {
  std::size_t raw_start = 0, raw_end = 0;  // sentence bytes of the word with its punctuation
  std::string_view text;     // without surrounding punctuation
  bool punct_after = false;  // a comma, period, bracket or quote closes it
  bool comma_after = false;  // the closing punctuation starts with a comma
  bool punct_before = false;
};

using Spans = std::vector<std::pair<std::size_t, std::size_t>>;  // sentence bytes [first, second)

bool is_edge_punct(char c) {
  return c == ',' || c == '.' || c == '(' || c == ')' || c == '"' || c == '\'' || c == ';' || c == ':' ||
         c == '!' || c == '?' || c == '[' || c == ']';
}

constexpr std::string_view kOpeningQuotes[] = {"\"", "'", "“", "‘", "「", "『"};

bool has_letter(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (u_isalpha(static_cast<UChar32>(decode_next(s, i)))) return true;
  }
  return false;
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Word make_word(std::string_view raw) {
  Word w;
  while (!raw.empty() && is_edge_punct(raw.front())) {
    raw.remove_prefix(1);
    w.punct_before = true;
  }
  std::size_t end = raw.size();
  while (end > 0 && is_edge_punct(raw[end - 1])) --end;
  if (end < raw.size()) {
    w.punct_after = true;
    w.comma_after = raw[end] == ',';
    raw = raw.substr(0, end);
  }
  // Korean punctuation that is not ASCII: · “ ” ‘ ’ 「 」 (all of three bytes from E2 or E3).
  // Most words hold none, which one byte at each end tells.
  constexpr std::size_t kMark = 3;
  auto is_lead = [](char c) { return c == '\xE2' || c == '\xE3'; };
  static constexpr std::string_view kClosing[] = {"”", "’", "」", "』", "》", "…"};  // sized once, not per word
  static constexpr std::string_view kOpening[] = {"“", "‘", "「", "『", "《"};
  constexpr auto all_of_mark_size = [](const auto& marks) {
    for (std::string_view p : marks) {
      if (p.size() != kMark) return false;
    }
    return true;
  };
  static_assert(all_of_mark_size(kClosing) && all_of_mark_size(kOpening));
  if (raw.size() > kMark && is_lead(raw[raw.size() - kMark])) {
    for (std::string_view p : kClosing) {
      while (raw.size() > kMark && is_lead(raw[raw.size() - kMark]) && raw.substr(raw.size() - kMark) == p) {
        raw.remove_suffix(kMark);
        w.punct_after = true;
      }
    }
  }
  if (raw.size() > kMark && is_lead(raw.front())) {
    for (std::string_view p : kOpening) {
      while (raw.size() > kMark && is_lead(raw.front()) && raw.substr(0, kMark) == p) {
        raw.remove_prefix(kMark);
        w.punct_before = true;
      }
    }
  }
  w.text = raw;
  return w;
}

// Words separated by spaces, each a view into `text`.
std::vector<Word> split_words(std::string_view text) {
  std::vector<Word> words;
  std::size_t i = 0;
  // Spaces separate words, and so does an ellipsis in a headline (점검…당 세포).
  static constexpr std::string_view kEllipsis = "\u2026";
  auto separator_at = [&](std::size_t at) -> std::size_t {
    if (text[at] == ' ') return 1;
    // Asked of every byte: the lead byte first, then the whole ellipsis.
    if (text[at] == kEllipsis[0] && text.compare(at, kEllipsis.size(), kEllipsis) == 0) return kEllipsis.size();
    return 0;
  };
  while (i < text.size()) {
    while (i < text.size() && separator_at(i) > 0) i += separator_at(i);
    std::size_t start = i;
    while (i < text.size() && separator_at(i) == 0) ++i;
    if (i > start) {
      Word w = make_word(text.substr(start, i - start));
      w.raw_start = start;
      w.raw_end = i;
      words.push_back(w);
    }
  }
  return words;
}

// The index of the word holding a sentence byte.
std::size_t word_holding(const std::vector<Word>& words, std::size_t byte) {
  auto it = std::upper_bound(words.begin(), words.end(), byte,
                             [](std::size_t b, const Word& w) { return b < w.raw_start; });
  return static_cast<std::size_t>(it - words.begin()) - 1;
}

// Words on one side of a figure, nearest first: after it going forward, before it going back.
class Side {
 public:
  Side(const std::vector<Word>& words, std::size_t nearest, bool forward, std::size_t count)
      : words_(words), nearest_(nearest), forward_(forward), count_(count) {}
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  const Word& operator[](std::size_t i) const { return words_[forward_ ? nearest_ + i : nearest_ - i]; }
  void drop_nearest() {
    nearest_ = forward_ ? nearest_ + 1 : nearest_ - 1;
    --count_;
  }

 private:
  const std::vector<Word>& words_;
  std::size_t nearest_;
  bool forward_;
  std::size_t count_;
};

// The subject of a figure in a particle language (Korean). Made for one sentence at a time:
// the words it is asked about are views into that sentence (see particle_of).
class SubjectFinder {
 public:
  explicit SubjectFinder(const LanguageRules& rules)
      : particles_(rules.table("particle")),
        conjunctions_(rules.table("conjunction")),
        stops_(rules.table("subject_stop")),
        predicates_(rules.table("predicate_ending")),
        finals_(rules.table("particle_final")),
        skips_(rules.table("adverb")),
        numbered_nouns_(rules.table("numbered_noun")),
        lookalikes_(rules.table("lookalike_noun")),
        times_(rules.table("relative_time")),
        hops_(rules.table("subject_hop")),
        glosses_(rules.table("amount_gloss")) {}

  bool enabled() const { return particles_ != nullptr; }

  // The subject of the figure at sentence bytes [start, end), given the sentence's words.
  std::optional<std::string> find(std::string_view sentence, const std::vector<Word>& words, std::size_t start,
                                  std::size_t end, Kind kind) const {
    if (words.empty() || end == 0) return std::nullopt;
    // The words holding the figure's first and last bytes.
    const std::size_t head = word_holding(words, start), last = word_holding(words, end - 1);
    // The rest of the word the figure ends in ("의", "을", ",").
    Word tail = make_word(sentence.substr(end, words[last].raw_end - end));
    Side after(words, last + 1, true, words.size() - last - 1);
    const std::size_t head_start = words[head].raw_start;
    bool figure_starts_word = head_start == start || is_edge_punct(sentence[head_start]);
    // A quotation that opens at the figure ("…관계자는 "60세 이상 고령층…) is not about the
    // words before it.
    const std::string_view lead = sentence.substr(head_start, start - head_start);
    const bool opens_quote = std::any_of(std::begin(kOpeningQuotes), std::end(kOpeningQuotes),
                                         [&](std::string_view q) { return ends_with(lead, q); });
    Side before(words, head == 0 ? 0 : head - 1, false, opens_quote ? 0 : head);

    // Adverbs between a subject and its figure are hopped over (당원은 모두 6,870명).
    while (!before.empty() && is_skipped(before[0].text)) before.drop_nearest();
    const bool bare_noun_before = figure_starts_word && !before.empty() && !before[0].punct_after &&
                                  role_of(before[0].text).empty() && is_nominal(before[0]);
    std::string_view tail_role = tail.text.empty() ? "" : role_of_whole(tail.text);
    if (kind == Kind::kPercent || kind == Kind::kPercentPoint) {
      if (tail_role == "genitive" && !tail.punct_after) return phrase_after(after, false);
      if (figure_starts_word && !before.empty() && !before[0].punct_after && role_of(before[0].text) == "genitive") {
        return phrase_before(before);
      }
      return std::nullopt;
    }
    // 1. F의 NP counts NP, unless a bare noun stands before F (당원 1,086명의 당 활동).
    if (tail_role == "genitive" && !tail.punct_after) {
      return bare_noun_before ? phrase_before(before) : phrase_after(after, false);
    }
    // 1b. F 상당의 NP, F어치의 NP, F 어치 NP: a word that glosses the amount (`amount_gloss`),
    // bare or with the genitive, is F의 NP: 9000여만원 상당의 귀금속 counts 귀금속.
    if (glosses_ != nullptr && !bare_noun_before) {
      auto glossed = [&](std::string_view word) {
        const std::string_view role = role_of(word);
        return (role.empty() || role == "genitive") && glosses_->lookup(role.empty() ? word : stem(word)).has_value();
      };
      if (!tail.text.empty() && !tail.punct_after && glossed(tail.text)) return phrase_after(after, false);
      if (tail.text.empty() && !tail.punct_after && !tail.punct_before && after.size() > 1 && !after[0].punct_after &&
          glossed(after[0].text)) {
        after.drop_nearest();
        return phrase_after(after, false);
      }
    }
    // 2. NP이/가/은/는 F
    if (figure_starts_word && !before.empty() && !before[0].punct_after && role_of(before[0].text) == "subject" &&
        !is_listed_predicate(before[0].text)) {
      return phrase_before(before);
    }
    // 3. F NP, where the phrase closes with a particle or a comma (179개 부, 3개 현은).
    // A comma right after the figure ends its phrase (11만6000명, 정보통신업에서 …): the tail
    // word holds only punctuation then, which make_word counts as before its empty text.
    const bool figure_bare = tail.text.empty() && !tail.punct_after && !tail.punct_before;
    if (figure_bare && !after.empty() && is_nominal(after[0])) {
      if (auto phrase = phrase_after(after, true)) return phrase;
    }
    // 4. NP F (동지 5명을, 기층당 조직 318개 점검)
    if (bare_noun_before) return phrase_before(before);
    // 5. NP이/가/은/는 [전년 대비 15% 증가한] F: across how the figure changed or compares.
    if (figure_starts_word) return across_change(before);
    return std::nullopt;
  }

 private:
  // Whether a particle may follow the stem: many come in pairs chosen by the stem's last
  // sound (조직이 but 부서가; 구역을 but 단위를), so 마을 is a noun, not 마 + 을.
  bool fits_final(std::string_view stem, std::string_view particle) const {
    if (finals_ == nullptr) return true;
    std::optional<std::string_view> need = finals_->lookup(particle);
    return !need || stem_ends_in(stem, *need);
  }
  // Whether the stem's last syllable ends in the sound `need` names: consonant, vowel,
  // vowel_or_rieul, or past (ㅆ, the past tense: 탔고 is a verb, 사고 a noun); "" fits all.
  static bool stem_ends_in(std::string_view stem, std::string_view need) {
    std::size_t i = stem.size();
    char32_t last = decode_prev(stem, i);
    if (last < 0xAC00 || last > 0xD7A3) return need != "past";  // not a Hangul syllable: cannot tell
    unsigned final_consonant = static_cast<unsigned>(last - 0xAC00) % 28;  // 0: ends in a vowel
    if (need == "consonant") return final_consonant != 0;
    if (need == "vowel") return final_consonant == 0;
    if (need == "vowel_or_rieul") return final_consonant == 0 || final_consonant == 8;  // ㄹ
    if (need == "past") return final_consonant == 20;  // ㅆ
    return true;
  }

  // Whether the word ends in a noun of `lookalike_noun`, whose last syllable looks like a
  // particle or a verb ending but belongs to the noun (제도, 만족도, 경기도, 출생아, 러시아).
  bool ends_in_lookalike(std::string_view word) const {
    return lookalikes_ != nullptr && (lookalikes_->lookup(word) || lookalikes_->longest_suffix(word));
  }
  using Particle = std::optional<std::pair<std::string_view, std::string_view>>;  // the particle, its role
  // The longest particle the word ends in, leaving at least one character of stem; none in a
  // word that ends in a lookalike noun. A phrase asks it of each word some seven times (its
  // role, its stem, whether it stops the phrase or is a noun), each a dozen table lookups:
  // the last few answers are kept, by the word's place, as every word is a view into the one
  // sentence the finder is made for.
  Particle particle_of(std::string_view word) const {
    for (const ParticleMemo& m : memo_) {
      if (m.data == word.data() && m.size == word.size() && m.data != nullptr) return m.particle;
    }
    ParticleMemo& slot = memo_[memo_next_++ % memo_.size()];
    slot = ParticleMemo{word.data(), word.size(), find_particle(word)};
    return slot.particle;
  }
  Particle find_particle(std::string_view word) const {
    if (ends_in_lookalike(word)) return std::nullopt;
    for (std::size_t len : particles_->key_lengths) {
      if (word.size() <= len) continue;
      std::string_view suffix = word.substr(word.size() - len);
      std::optional<std::string_view> role = particles_->lookup(suffix);
      if (role && fits_final(word.substr(0, word.size() - len), suffix)) return std::make_pair(suffix, *role);
    }
    return std::nullopt;
  }
  std::string_view role_of(std::string_view word) const {
    auto p = particle_of(word);
    return p ? p->second : std::string_view();
  }
  // The role of a word that is a particle and nothing else (the tail "의").
  std::string_view role_of_whole(std::string_view word) const {
    return particles_->lookup(word).value_or(std::string_view());
  }
  std::string_view stem(std::string_view word) const {
    auto p = particle_of(word);
    return p ? word.substr(0, word.size() - p->first.size()) : word;
  }
  bool is_conjunction(std::string_view word) const {
    return conjunctions_ != nullptr && conjunctions_->lookup(word).has_value();
  }
  bool is_skipped(std::string_view word) const { return skips_ != nullptr && skips_->lookup(word).has_value(); }
  // A phrase stops at a word of `subject_stop` and at a relative time (지난달 취업자는: 취업자).
  bool is_stop(std::string_view word) const {
    for (const Table* t : {stops_, times_}) {
      if (t != nullptr && (t->lookup(word) || t->lookup(stem(word)))) return true;
    }
    return false;
  }
  // 않은, 많은: whole words of two or more syllables listed as predicates, whose last syllable
  // only looks like a particle.
  bool is_listed_predicate(std::string_view word) const {
    return predicates_ != nullptr && word.size() >= 6 && predicates_->lookup(word).has_value();
  }
  // A word longer than an ending of `predicate_ending` whose stem has the sound the ending's
  // value asks for (숨지고; 탔고 but not 사고).
  bool ends_like_predicate(std::string_view word) const {
    auto ending = predicates_->longest_suffix(word);
    return ending && stem_ends_in(word.substr(0, word.size() - ending->first.size()), ending->second);
  }
  bool is_nominal(const Word& w) const {
    if (w.text.empty() || w.punct_before || is_stop(w.text)) return false;
    if (has_digit(w.text)) return numbered_nouns_ != nullptr && numbered_nouns_->lookup(w.text).has_value();
    // A listed word of two or more characters is a predicate as a whole (않은, 많은); else a
    // word with a particle is a noun, and a bare word may end like a verb (넘는, 줄어든).
    if (is_listed_predicate(w.text)) return false;
    if (auto p = particle_of(w.text); p && p->second != "predicate") return true;
    if (ends_in_lookalike(w.text)) return true;
    return predicates_ == nullptr || !ends_like_predicate(w.text);
  }

  // Words after the figure: the first always (particle stripped); then on across bare nouns,
  // conjunctions and conj particles (과/와), ending at a particle, punctuation or a non-noun.
  // With must_close, a phrase that does not end in a particle or a comma is no subject: the
  // words after a bare figure may start the predicate (기층당 조직 318개 점검…).
  std::optional<std::string> phrase_after(const Side& words, bool must_close) const {
    std::vector<std::string_view> parts;
    bool closed = false;
    for (std::size_t i = 0; i < words.size() && parts.size() < 6; ++i) {
      const Word& w = words[i];
      std::string_view role = role_of(w.text);
      if ((!is_nominal(w) && !(i > 0 && is_conjunction(w.text))) ||
          (i > 0 && !role.empty() && role != "conj" && role != "subject" && role != "object" && role != "genitive")) {
        // A phrase cut after 및 has closed: 44개 부서 및 이에 상응하는 부서.
        closed = !parts.empty() && is_conjunction(parts.back());
        break;
      }
      parts.push_back(keeps_particle(w, role) ? w.text : stem(w.text));
      if (w.punct_after || (!role.empty() && role != "conj")) {
        closed = (!role.empty() && role != "predicate") || ends_in_comma(w);
        break;
      }
    }
    if (must_close && !closed) return std::nullopt;
    while (!parts.empty() && is_conjunction(parts.back())) parts.pop_back();
    if (!parts.empty() && !words.empty() && role_of(parts.back()) == "conj") parts.back() = stem(parts.back());
    return join(parts);
  }

  // The subject before words that say how the figure changed or compares (`subject_hop`:
  // 대비, 증가한, 오른, and words ending in 보다), with the figures and times among them:
  // 매출은 전년 대비 15% 증가한 3조원, 코스피는 전 거래일보다 12.45포인트. Without such a
  // word nothing is hopped: in 정부가 제시한 23만명 the government is no subject.
  std::optional<std::string> across_change(Side before) const {
    if (hops_ == nullptr) return std::nullopt;
    bool hopped = false;
    while (!before.empty() && !before[0].punct_after) {
      const Word& w = before[0];
      if (hops_->lookup(w.text) || hops_->longest_suffix(w.text)) {
        hopped = true;
      } else if (!has_digit(w.text) && !is_stop(w.text)) {
        break;
      }
      before.drop_nearest();
    }
    if (!hopped || before.empty() || before[0].punct_after || role_of(before[0].text) != "subject") {
      return std::nullopt;
    }
    return phrase_before(before);
  }

  // Words before the figure, nearest first: the nearest always (particle stripped); then back
  // across bare nouns and conjunctions, ending at punctuation, a particle or a stop word.
  std::optional<std::string> phrase_before(const Side& words) const {
    std::vector<std::string_view> parts;
    for (std::size_t i = 0; i < words.size() && parts.size() < 6; ++i) {
      const Word& w = words[i];
      if (i > 0) {
        std::string_view role = role_of(w.text);
        if (w.punct_after || is_stop(w.text) || (!role.empty() && role != "conj") || !is_nominal(w)) break;
      }
      parts.push_back(i > 0 && keeps_particle(w, role_of(w.text)) ? w.text : stem(w.text));
      if (w.punct_before) break;
    }
    while (!parts.empty() && is_conjunction(parts.back())) parts.pop_back();
    std::reverse(parts.begin(), parts.end());
    return join(parts);
  }

  // Inside a phrase, 및 and a noun joined by 과/와 stay as written (성급 기관과 단위); an
  // item before a comma has no particle to strip (48개 마을, 작은 마을).
  bool keeps_particle(const Word& w, std::string_view role) const {
    return is_conjunction(w.text) || role == "conj" || w.punct_after;
  }

  static bool ends_in_comma(const Word& w) { return w.comma_after; }

  static std::optional<std::string> join(const std::vector<std::string_view>& parts) {
    if (parts.empty()) return std::nullopt;
    std::string out;
    for (std::string_view p : parts) {
      if (!out.empty()) out += ' ';
      out.append(p);
    }
    return out;
  }

  const Table* particles_;
  const Table* conjunctions_;
  const Table* stops_;
  const Table* predicates_;
  const Table* finals_;
  const Table* skips_;
  const Table* numbered_nouns_;
  const Table* lookalikes_;
  const Table* times_;
  const Table* hops_;
  const Table* glosses_;
  struct ParticleMemo {
    const char* data = nullptr;
    std::size_t size = 0;
    Particle particle;
  };
  mutable std::array<ParticleMemo, 8> memo_{};
  mutable std::size_t memo_next_ = 0;
};

bool takes_subject(Kind kind) {
  switch (kind) {
    case Kind::kCount: case Kind::kPercent: case Kind::kPercentPoint: case Kind::kMoney:
    case Kind::kQuantity: case Kind::kNumber:
      return true;
    default:
      return false;
  }
}

// Head-initial languages without particles (Vietnamese): the counted noun follows the number,
// 725 tổ chức cơ sở đảng, and runs until punctuation, another number or a word of the
// `subject_after_stop` table (function words and verbs: và, của, được, tăng ...). A count whose
// rule found a measure word names what it counts with it and the words after it (2.150 hộ
// nghèo -> hộ nghèo); with none after it (137 người.), it has no subject. An amount (money,
// quantity) with no noun after it takes the one before it (see phrase_before).
class FollowingNounFinder {
 public:
  explicit FollowingNounFinder(const LanguageRules& rules)
      : stops_(rules.table("subject_after_stop")),
        shares_(rules.table("share_of")),
        compounds_(rules.table("noun_compound")),
        links_(rules.table("subject_link")),
        statuses_(rules.table("status_word")),
        directions_(rules.table("direction_word_before")),
        joiners_(rules.table("phrase_joiner")),
        intros_(rules.table("amount_intro")),
        amount_nouns_(rules.table("amount_noun")) {}
  bool enabled() const { return stops_ != nullptr; }

  std::optional<std::string> find(std::string_view sentence, const std::vector<Word>& words, const Draft& d) const {
    if (d.match->byte_end < sentence.size() && sentence[d.match->byte_end] != ' ') return std::nullopt;
    std::optional<std::string> phrase = phrase_after(words, word_holding(words, d.match->byte_end - 1) + 1);
    const bool measured = d.figure.kind == Kind::kCount && d.figure.unit.has_value();
    if (!measured || !phrase) return measured ? std::nullopt : phrase;
    return *d.figure.unit + " " + *phrase;
  }

  // The noun phrase an amount (or a count by its measure word) follows, ending at words[i - 1]
  // (i: the figure's first word):
  // "Tổng thu ngân sách nhà nước trên địa bàn đạt 667,8 tỷ đồng". Between the two may stand
  // times (7 tháng đầu năm) and link words (`subject_link`: đạt, là, có thể; status and
  // direction words: ước, tăng). A word of `amount_noun` (xuất siêu) there is the phrase
  // itself. Without a link word the phrase must follow a word of
  // `amount_intro` (với tổng kinh phí 1,5 tỷ đồng), else it is likely a verb and its object
  // (xử phạt hành chính 1,2 tỷ đồng). Joiners (`phrase_joiner`: trên, của, và) stay inside
  // the phrase; another figure, punctuation or a stop word ends it. `times`: where the
  // sentence's times are; `figures`: where its other figures are.
  std::optional<std::string> phrase_before(const std::vector<Word>& words, std::size_t i, const Spans& times,
                                           const Spans& figures) const {
    auto inside = [](const Spans& spans, const Word& w) {
      return std::any_of(spans.begin(), spans.end(),
                         [&](const auto& s) { return w.raw_start < s.second && s.first < w.raw_end; });
    };
    // The two words that end at words[k - 1], when no punctuation parts them.
    auto pair_before = [&](std::size_t k) {
      return k >= 2 && !words[k - 2].punct_after ? std::string(words[k - 2].text) + " " + std::string(words[k - 1].text)
                                                 : std::string();
    };
    // The link word of one or two words that ends at words[k - 1], by its length in words; a
    // word that ends a two-word stop is none (trở lên: lên is no link there).
    auto link_before = [&](std::size_t k) -> std::size_t {
      const std::string pair = pair_before(k);
      if (!pair.empty() && is_link(pair)) return 2;
      if (!pair.empty() && is_stop(pair)) return 0;
      return is_link(words[k - 1].text) ? 1 : 0;
    };
    bool linked = false;
    while (i > 0 && !words[i - 1].punct_after) {
      if (inside(times, words[i - 1])) {
        --i;
      } else if (std::size_t n = link_before(i)) {
        i -= n;
        linked = true;
      } else {
        break;
      }
    }
    // A word that names the amount after it (`amount_noun`: xuất siêu 23,31 tỷ USD) is the
    // phrase, linked or not.
    if (i > 0 && !words[i - 1].punct_after) {
      if (const std::string pair = pair_before(i); !pair.empty() && is(amount_nouns_, pair)) return pair;
      if (is(amount_nouns_, words[i - 1].text)) return std::string(words[i - 1].text);
    }
    constexpr std::size_t kLongest = 12;  // words; a longer run is no noun phrase found here
    std::size_t begin = i;
    while (begin > 0) {
      const Word& w = words[begin - 1];
      // A time before a modifier stands after the head: "Dân số trung bình năm 2024 của cả
      // nước" names Dân số trung bình.
      if (inside(times, w) && begin < i && is(joiners_, words[begin].text)) {
        while (begin > 0 && inside(times, words[begin - 1])) --begin;
        i = begin;
        continue;
      }
      if (w.text.empty() || w.punct_after || has_digit(w.text) || inside(times, w) || inside(figures, w)) break;
      const bool joiner = is(joiners_, w.text);
      // A stop word inside a compound noun goes on (hàng hóa, giá trị gia tăng).
      if (!joiner && is_stop(w.text) && !in_compound(words, begin - 1, 0, i)) break;
      if (const std::string pair = pair_before(begin); !pair.empty() && is_stop(pair)) break;  // niêm yết
      if (i - begin == kLongest) return std::nullopt;
      --begin;
      if (w.punct_before) break;
    }
    const bool introduced = begin > 0 && !words[begin - 1].punct_after && is(intros_, words[begin - 1].text);
    while (begin < i && is(joiners_, words[begin].text)) ++begin;  // "và B": B
    if (begin == i || (!linked && !introduced)) return std::nullopt;
    std::string out;
    for (std::size_t k = begin; k < i; ++k) {
      if (!out.empty()) out += ' ';
      out.append(words[k].text);
    }
    return out;
  }

  // The noun phrase that starts at words[i].
  std::optional<std::string> phrase_after(const std::vector<Word>& words, std::size_t i) const {
    std::string out;
    const std::size_t first = i;
    for (std::size_t n = 0; i < words.size() && n < 8; ++i, ++n) {  // Vietnamese nouns run to 7 syllables
      const Word& w = words[i];
      if (w.text.empty() || w.punct_before || has_digit(w.text)) break;
      // A stop word inside a compound noun goes on (giá trị gia tăng, tăng trưởng).
      if (is_stop(w.text) && !in_compound(words, i, first, words.size())) break;
      // Two-word function words (so với, trong đó) stop the phrase as well.
      if (i + 1 < words.size() && is_stop(std::string(w.text) + " " + std::string(words[i + 1].text))) break;
      if (!out.empty()) out += ' ';
      out.append(w.text);
      if (w.punct_after) break;
    }
    if (out.empty()) return std::nullopt;
    return out;
  }

  // "418 trong tổng số 433 tổ chức": the part counts what the total counts.
  bool is_share_of_next(std::string_view sentence, const Draft& d) const {
    if (shares_ == nullptr) return false;
    std::string_view rest = sentence.substr(d.match->byte_end);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    return shares_->longest_prefix(rest).has_value();
  }

 private:
  bool is_stop(std::string_view word) const { return stops_->lookup(word).has_value(); }
  static bool is(const Table* table, std::string_view word) { return table != nullptr && table->lookup(word).has_value(); }
  bool is_link(std::string_view word) const { return is(links_, word) || is(statuses_, word) || is(directions_, word); }
  bool is_compound(std::string_view first, std::string_view second) const {
    return compounds_ != nullptr && compounds_->lookup(std::string(first) + " " + std::string(second)).has_value();
  }
  // Whether words[k] makes a compound noun (hàng hóa) with the word before or after it, each
  // counted only within words [first, end): a phrase does not reach past its figure.
  bool in_compound(const std::vector<Word>& words, std::size_t k, std::size_t first, std::size_t end) const {
    return (k > first && is_compound(words[k - 1].text, words[k].text)) ||
           (k + 1 < end && is_compound(words[k].text, words[k + 1].text));
  }
  const Table* stops_;
  const Table* shares_;
  const Table* compounds_;
  const Table* links_;
  const Table* statuses_;
  const Table* directions_;
  const Table* joiners_;
  const Table* intros_;
  const Table* amount_nouns_;
};

// A place by the language's tables: a known name (충북, 서울) or a name with a place suffix
// (청주시, 경기도, 영동군).
bool is_place(const LanguageRules& rules, std::string_view word) {
  if (const Table* names = rules.table("place_name"); names != nullptr && names->lookup(word)) return true;
  const Table* suffixes = rules.table("place_suffix");
  if (suffixes == nullptr) return false;
  auto suffix = suffixes->longest_suffix(word);
  return suffix && word.size() - suffix->first.size() > 3;  // a name of a syllable or more before it
}

}  // namespace

namespace {

// Where the sentence's times are (its time expressions and the figures that are times), and
// where its other figures are.
struct SentenceSpans {
  Spans times;
  Spans figures;
  SentenceSpans(const std::vector<Draft>& drafts, const std::vector<TimeMention>& mentions) {
    for (const TimeMention& m : mentions) times.emplace_back(m.byte_start, m.byte_end);
    for (const Draft& d : drafts) {
      // A duration before an amount is the period it covers (10 tháng ước đạt ...).
      const bool time = is_time_kind(d.figure.kind) || d.figure.kind == Kind::kDuration;
      (time ? times : figures).emplace_back(d.match->byte_start, d.match->byte_end);
    }
  }
};

void attach_subjects(const LanguageRules& rules, std::string_view sentence, const std::vector<Word>& words,
                     const std::vector<TimeMention>& mentions, std::vector<Draft>& drafts) {
  SubjectFinder finder(rules);
  FollowingNounFinder following(rules);
  if (!finder.enabled() && !following.enabled()) return;
  const Table* times = rules.table("relative_time");
  std::optional<SentenceSpans> spans;  // when first needed
  for (std::size_t k = 0; k < drafts.size(); ++k) {
    Draft& d = drafts[k];
    if (!takes_subject(d.figure.kind) || d.figure.subject) continue;
    // The head of a parenthesis is what a count or amount is about: 충북(2만3418명) -> 충북,
    // which is also its place when the place tables know it.
    const std::size_t start = d.match->byte_start;
    if (start > 0 && sentence[start - 1] == '(' && d.figure.kind != Kind::kPercent &&
        d.figure.kind != Kind::kPercentPoint) {
      // A group that is itself a figure heads it as a whole: 60세 이상(26만5000명), 20대(-12만명).
      auto group = std::find_if(drafts.begin(), drafts.end(), [&](const Draft& other) {
        return other.figure.kind == Kind::kQuantity && other.match->byte_end == start - 1;
      });
      if (group != drafts.end()) {
        d.figure.subject = std::string(sentence.substr(group->match->byte_start, start - 1 - group->match->byte_start));
        continue;
      }
      const Word& holder = words[word_holding(words, start)];
      std::string_view head = sentence.substr(holder.raw_start, start - 1 - holder.raw_start);
      // A time is no subject: "전년(3조470억원)" glosses the previous year's amount.
      const bool is_time = times != nullptr && times->lookup(head).has_value();
      if (!head.empty() && !has_digit(head) && !is_edge_punct(head.back()) && holder.raw_start < start - 1 && !is_time) {
        d.figure.subject = std::string(head);
        if (is_place(rules, head)) d.figure.place = std::string(head);
        continue;
      }
    }
    if (finder.enabled()) {
      d.figure.subject = finder.find(sentence, words, d.match->byte_start, d.match->byte_end, d.figure.kind);
    } else {
      d.figure.subject = following.find(sentence, words, d);
      const bool amount = d.figure.kind == Kind::kMoney || d.figure.kind == Kind::kQuantity ||
                          (d.figure.kind == Kind::kCount && d.figure.unit);  // 101,3 triệu người
      if (!d.figure.subject && amount) {
        if (!spans) spans.emplace(drafts, mentions);
        d.figure.subject = following.phrase_before(words, word_holding(words, start), spans->times, spans->figures);
      }
    }
    // A dash or other mark between two numbers (1 - 4 – 2004) names nothing.
    if (d.figure.subject && !has_letter(*d.figure.subject)) d.figure.subject.reset();
  }
  // A part of a total takes the total's subject (418 trong tổng số 433 tổ chức cơ sở đảng).
  for (std::size_t k = drafts.size(); k-- > 1;) {
    if (!drafts[k - 1].figure.subject && following.enabled() && following.is_share_of_next(sentence, drafts[k - 1])) {
      drafts[k - 1].figure.subject = drafts[k].figure.subject;
    }
  }
}

void attach_details(const LanguageRules& rules, std::string_view sentence, const std::vector<Word>& words,
                    std::vector<Draft>& drafts) {
  const Table* per_units = rules.table("per_word");
  const Table* directions = rules.table("direction_word");
  const Table* source_markers = rules.table("source_marker");
  const Table* statuses = rules.table("status_word");
  const Table* directions_before = rules.table("direction_word_before");
  const Table* source_intros = rules.table("source_intro");
  const Table* adverbs = rules.table("adverb");
  const Table* comparatives = rules.table("comparative_qualifier");
  const Table* comparison_bases = rules.table("comparison_base");
  const std::size_t status_reach = rules.status_reach;
  if (drafts.empty()) return;
  auto word_at = [&](std::size_t byte) { return word_holding(words, byte); };
  auto starts_with_entry = [](const Table* t, std::string_view word) -> std::optional<std::string_view> {
    if (t == nullptr) return std::nullopt;
    if (auto entry = t->longest_prefix(word)) return entry->second;
    return std::nullopt;
  };

  // Who gave the figures: "통계청에 따르면" names 통계청 for the whole sentence.
  std::optional<std::string> source;
  if (source_markers != nullptr && !source_markers->occurs_in(sentence)) source_markers = nullptr;
  if (source_intros != nullptr && !source_intros->occurs_in(sentence)) source_intros = nullptr;
  for (std::size_t i = 1; source_markers != nullptr && i < words.size(); ++i) {
    if (!source_markers->lookup(words[i].text)) continue;
    std::string_view before = words[i - 1].text;
    if (auto role = source_markers->lookup(words[i].text); role && before.size() > role->size() &&
                                                            before.substr(before.size() - role->size()) == *role) {
      source = std::string(before.substr(0, before.size() - role->size()));
    }
  }

  // "theo Cục Thống kê tỉnh, ...": the capitalised name after the word, up to punctuation.
  for (std::size_t i = 0; source_intros != nullptr && !source && i + 1 < words.size(); ++i) {
    if (!source_intros->lookup(words[i].text) || words[i].punct_after) continue;
    std::string name;
    for (std::size_t k = i + 1; k < words.size() && k < i + 12; ++k) {
      const Word& w = words[k];
      if (w.text.empty() || (k == i + 1 && !(w.text[0] >= 'A' && w.text[0] <= 'Z') &&
                             static_cast<unsigned char>(w.text[0]) < 0xC3)) {
        break;
      }
      if (!name.empty()) name += ' ';
      name.append(w.text);
      if (w.punct_after) break;
    }
    if (!name.empty()) source = name;
  }

  std::string two_words;
  for (Draft& d : drafts) {
    if (d.figure.kind == Kind::kYear || d.figure.kind == Kind::kYearRange || d.figure.kind == Kind::kDate ||
        d.figure.kind == Kind::kDateRange || d.figure.kind == Kind::kIdentifier) {
      continue;
    }
    if (source) d.figure.source = source;
    const std::size_t head = word_at(d.match->byte_start), last = word_at(d.match->byte_end - 1);
    // A rate's denominator stands just before it: 1인당 3만원.
    if (head > 0 && per_units != nullptr) {
      if (auto per = per_units->lookup(words[head - 1].text)) d.figure.per = std::string(*per);
    }
    // A change is said by the next word: "0.4% 감소", "154,000가구(0.7%) 늘었다". A
    // parenthesis after a space holds another figure, whose change it is (서울 9,386,034명
    // (0.4% 감소)).
    std::size_t next = last + 1;
    while (adverbs != nullptr && next < words.size() && adverbs->lookup(words[next].text)) ++next;
    if (!d.figure.direction && directions != nullptr && next < words.size() && !words[next].punct_before) {
      if (auto dir = starts_with_entry(directions, words[next].text)) d.figure.direction = std::string(*dir);
    }
    // "cao hơn 0,3 điểm phần trăm so với năm trước": a comparative before the figure with a
    // comparison base after it states a difference, a change, not a bound.
    if (const Capture* q = d.match->capture(Field::kQualifier); q != nullptr && comparatives != nullptr &&
                                                           comparison_bases != nullptr) {
      std::optional<std::string_view> dir = comparatives->lookup(sentence.substr(q->byte_start, q->byte_end - q->byte_start));
      std::string_view after = sentence.substr(d.match->byte_end);
      while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
      if (dir && comparison_bases->longest_prefix(after)) {
        d.figure.qualifier.reset();
        d.figure.direction = std::string(*dir);
      }
    }
    // Head-initial languages say the change first: tăng 12,4%, giảm 2,1%.
    if (!d.figure.direction && directions_before != nullptr && head >= 1) {
      if (auto dir = directions_before->lookup(words[head - 1].text)) d.figure.direction = std::string(*dir);
      else if (head >= 2 && directions_before->lookup(words[head - 2].text) &&
               !words[head - 2].punct_after) {
        d.figure.direction = std::string(*directions_before->lookup(words[head - 2].text));
      }
    }
    // Targets, plans and estimates: a status word right before or after the figure.
    if (statuses != nullptr) {
      // Also the start of the figure's own word: 목표(3.5% 이상).
      std::string_view own = sentence.substr(words[head].raw_start, d.match->byte_start - words[head].raw_start);
      for (std::string_view w : {head > 0 ? words[head - 1].text : std::string_view(), own,
                                 last + 1 < words.size() ? words[last + 1].text : std::string_view()}) {
        if (auto st = starts_with_entry(statuses, w)) d.figure.status = std::string(*st);
      }
      // The words before, each alone and joined to the next ("ước đạt"), back as far as the
      // language's status_reach (ước tính xuất siêu 23,31 tỷ USD: the verb between), never
      // across punctuation.
      for (std::size_t back = 1; !d.figure.status && back <= status_reach && back <= head; ++back) {
        const Word& w = words[head - back];
        if (back > 1 && w.punct_after) break;
        if (auto st = statuses->lookup(w.text)) {
          d.figure.status = std::string(*st);
        } else if (back > 1) {
          two_words.assign(w.text).append(" ").append(words[head - back + 1].text);
          if (auto pair = statuses->lookup(two_words)) d.figure.status = std::string(*pair);
        }
      }
    }
  }
}

}  // namespace

void attach(const LanguageRules& rules, std::string_view sentence, const std::vector<TimeMention>& mentions,
            std::vector<Draft>& drafts) {
  if (drafts.empty()) return;
  const std::vector<Word> words = split_words(sentence);  // once for every kind of attachment
  attach_subjects(rules, sentence, words, mentions, drafts);
  attach_details(rules, sentence, words, drafts);
}

}  // namespace sosu::internal
