// The pipeline over one piece of a document:
//   1. normalise (NFC + folding, with the offset map)   2. sentences
//   3. language per sentence                            4. match the language's rules
//   5. numerals: captures become values                 6. attach subjects
//   7. map spans back to the document and push to the sink
#include <algorithm>

#include "attach/attach.h"
#include "match/matcher.h"
#include "match/pack_data.h"
#include "sosu/extract.h"
#include "sosu/lang.h"
#include "text/utf8.h"

namespace sosu {
namespace {

using internal::Capture;
using internal::Draft;
using internal::LanguageRules;
using internal::Match;

std::string_view capture_text(std::string_view sentence, const Capture* c) {
  return c == nullptr ? std::string_view() : sentence.substr(c->byte_start, c->byte_end - c->byte_start);
}

std::string two_digits(std::int64_t n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}

// Year, month and day captures as an ISO 8601 value of reduced precision: 2022-06-16,
// 2024-06, 2020, or without a year --06-16 and --08. nullopt when a part is out of range.
std::optional<std::string> iso_date(std::optional<std::int64_t> year, std::optional<std::int64_t> month,
                                    std::optional<std::int64_t> day) {
  if (month && (*month < 1 || *month > 12)) return std::nullopt;
  if (day && (*day < 1 || *day > 31 || !month)) return std::nullopt;
  std::string out = year ? std::to_string(*year) : "-";
  if (month) out += "-" + two_digits(*month);
  if (day) out += "-" + two_digits(*day);
  if (!year && !month) return std::nullopt;
  return out;
}

class FigureBuilder {
 public:
  FigureBuilder(const LanguageRules& rules, std::string_view sentence) : rules_(rules), sentence_(sentence) {}

  // Fills the kind-specific fields from the captures; false if a capture is not a numeral.
  bool build(const Match& m, Figure& f) const {
    const internal::Rule& rule = *m.rule;
    f.kind = rule.kind;
    f.pattern = rule.id;
    for (const auto& [field, value] : rule.fixed) set_field(f, field, value);

    if (const Capture* c = m.capture("value")) {
      auto n = parse_numeral(capture_text(sentence_, c), rules_.numerals);
      if (!n) return false;
      f.value = n->value;
      f.decimals = n->decimals;
    }
    for (const char* bound : {"from", "to"}) {
      const Capture* c = m.capture(bound);
      if (c == nullptr) continue;
      auto n = parse_numeral(capture_text(sentence_, c), rules_.numerals);
      if (!n) return false;
      (std::string_view(bound) == "from" ? f.from : f.to) = n->value;
      if (n->decimals) f.decimals = n->decimals;
    }
    if (const Capture* c = m.capture("unit")) f.unit = std::string(capture_text(sentence_, c));
    if (const Capture* c = m.capture("currency")) {
      f.unit = lookup("currency", capture_text(sentence_, c)).value_or(std::string(capture_text(sentence_, c)));
    }
    for (const char* field : {"qualifier", "direction", "status"}) {
      if (const Capture* c = m.capture(field)) {
        if (auto v = lookup(field, capture_text(sentence_, c))) set_field(f, field, *v);
      }
    }
    if (const Capture* c = m.capture("sign")) {
      if (auto v = lookup("sign", capture_text(sentence_, c))) f.direction = *v;
    }

    auto integer = [&](const char* name) -> std::optional<std::int64_t> {
      const Capture* c = m.capture(name);
      if (c == nullptr) return std::nullopt;
      auto n = parse_numeral(capture_text(sentence_, c), rules_.numerals);
      if (!n || !n->value.is_integer()) return std::nullopt;
      return n->value.coefficient;
    };
    std::optional<std::int64_t> year = integer("year"), month = integer("month"), day = integer("day");
    switch (f.kind) {
      case Kind::kYear:
        if (!year) return false;
        f.value = Decimal{*year, 0};
        f.date = std::to_string(*year);
        break;
      case Kind::kYearRange: {
        if (!f.from || !f.to || !f.from->is_integer() || !f.to->is_integer()) return false;
        // A shortened end year takes the start's century: 2021~23년 -> 2023.
        if (f.to->coefficient < 100 && f.from->coefficient >= 1000) {
          f.to->coefficient += f.from->coefficient / 100 * 100;
        }
        f.decimals.reset();
        break;
      }
      case Kind::kDate: {
        auto iso = iso_date(year, month, day);
        if (!iso) return false;
        f.date = *iso;
        break;
      }
      default:
        break;
    }
    return true;
  }

 private:
  std::optional<std::string> lookup(std::string_view table, std::string_view key) const {
    const internal::Table* t = rules_.table(table);
    if (t == nullptr) return std::nullopt;
    std::optional<std::string_view> v = t->lookup(key);
    if (!v) return std::nullopt;
    return std::string(*v);
  }
  static void set_field(Figure& f, std::string_view field, const std::string& value) {
    if (field == "unit") f.unit = value;
    else if (field == "qualifier") f.qualifier = value;
    else if (field == "direction") f.direction = value;
    else if (field == "status") f.status = value;
  }

  const LanguageRules& rules_;
  std::string_view sentence_;
};

}  // namespace

PreparedPiece::PreparedPiece(const TextPiece& piece)
    : piece_(piece), normalized_(normalize(piece.text)), sentences_(split_sentences(normalized_.text)) {}

std::uint64_t PreparedPiece::cp_at(std::size_t piece_byte) const {
  if (piece_byte < cp_cursor_byte_) {
    cp_cursor_byte_ = 0;
    cp_cursor_ = 0;
  }
  cp_cursor_ += internal::count_code_points(piece_.text.substr(cp_cursor_byte_, piece_byte - cp_cursor_byte_));
  cp_cursor_byte_ = piece_byte;
  return cp_cursor_;
}

PreparedPiece::SourceSpan PreparedPiece::to_source(std::size_t byte_start, std::size_t byte_end) const {
  std::size_t s = normalized_.to_source_start(byte_start);
  std::size_t e = normalized_.to_source_end(byte_end);
  std::uint64_t cs = cp_at(s);
  std::uint64_t ce = cp_at(e);
  return SourceSpan{piece_.byte_offset + s, piece_.byte_offset + e, piece_.cp_offset + cs, piece_.cp_offset + ce,
                    piece_.text.substr(s, e - s)};
}

std::string sentence_language(std::string_view sentence, const ExtractOptions& options) {
  return options.forced_lang.empty() ? detect_language(sentence) : options.forced_lang;
}

Extractor ExtractorBuilder::build() const {
  return Extractor(packs_ ? packs_ : std::make_shared<const PackSet>(), options_);
}

bool Extractor::run_piece(std::string_view doc_id, const TextPiece& piece, DocumentCursor& cursor,
                          FigureSink& sink) const {
  // 1-2. normalise and split into sentences
  PreparedPiece prepared(piece);
  const std::string_view text = prepared.normalized();
  const auto& languages = packs_->data().languages;
  std::vector<Draft> drafts;
  for (const SentenceSpan& span : prepared.sentences()) {
    const std::uint32_t index = cursor.next_sentence++;
    std::string_view sentence = text.substr(span.byte_start, span.byte_end - span.byte_start);
    // 3. language
    std::string lang = sentence_language(sentence, options_);
    auto rules_it = languages.find(lang);
    if (rules_it == languages.end()) continue;
    const LanguageRules& rules = rules_it->second;
    // 4. match
    std::vector<Match> matches = internal::find_matches(rules, sentence);
    if (matches.empty()) continue;
    // 5. numerals
    FigureBuilder builder(rules, sentence);
    drafts.clear();
    for (const Match& m : matches) {
      Draft d;
      d.match = &m;
      if (!builder.build(m, d.figure)) continue;
      drafts.push_back(std::move(d));
    }
    // 6. attach
    internal::attach_subjects(rules, sentence, drafts);
    // 7. back to the document's offsets
    for (Draft& d : drafts) {
      Figure& f = d.figure;
      PreparedPiece::SourceSpan src = prepared.to_source(span.byte_start + d.match->byte_start,
                                                         span.byte_start + d.match->byte_end);
      f.doc = std::string(doc_id);
      f.lang = lang;
      f.text = std::string(src.text);
      f.start = src.cp_start;
      f.end = src.cp_end;
      f.byte_start = src.byte_start;
      f.byte_end = src.byte_end;
      f.sentence = index;
      if (!sink.on_figure(f)) return false;
    }
  }
  return true;
}

bool Extractor::run(std::string_view doc_id, std::string_view text, FigureSink& sink) const {
  DocumentCursor cursor;
  bool keep_going = true;
  split_pieces(text, ReadOptions{}, [&](const TextPiece& piece) {
    keep_going = run_piece(doc_id, piece, cursor, sink);
    return keep_going;
  });
  return keep_going;
}

}  // namespace sosu
