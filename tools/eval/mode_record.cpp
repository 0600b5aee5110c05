// sosu_eval record TEXT_FILE GOLD_JSONL: one document against its RECORD.md-shaped gold.
//
// A prediction matches a gold record when their code-point spans are identical; a second,
// relaxed score only asks that they overlap. Each gold record stands alone: a gold file may
// annotate "2020년 초부터 2024년 6월까지" as its two ends, and a single date_range of ours over
// both then overlaps both without matching either exactly.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "eval_support.h"

namespace sosu::eval {
namespace {

// The fields compared on an exact match. kind and qualifier are compared always (a gold
// record without a qualifier means none: the qualifier word is part of the span, so the
// annotator saw it); the others only where the gold record has the key, since gold files
// leave out what they do not annotate (the seed gold has no subject for percentages).
constexpr const char* kFields[] = {"kind", "value", "from", "to", "date", "unit", "qualifier", "subject"};

bool compared_always(const std::string& field) { return field == "kind" || field == "qualifier"; }

Json field_of(const Json& record, const std::string& field) {
  auto it = record.find(field);
  return it == record.end() ? Json() : *it;
}

bool field_right(const std::string& field, const Json& gold, const Json& ours) {
  if (gold.is_null()) return ours.is_null();
  if (gold.is_number()) return same_number(gold, ours);
  if (field == "subject" && gold.is_string() && ours.is_string()) {
    // RECORD.md: modifiers that narrow the subject may stay ("기층당위원회 산하 당 세포" for
    // "당 세포"), so ours may end with the gold subject after a space.
    const std::string want = gold.get<std::string>(), got = ours.get<std::string>();
    return got == want || (got.size() > want.size() + 1 && got.compare(got.size() - want.size(), want.size(), want) == 0 &&
                           got[got.size() - want.size() - 1] == ' ');
  }
  return gold == ours;
}

struct Counts {
  std::size_t gold = 0, found = 0;         // gold records, of which matched
  std::size_t predicted = 0, correct = 0;  // our records, of which matched
  double precision() const { return rate(correct, predicted); }
  double recall() const { return rate(found, gold); }
};

OrderedJson counts_json(const Counts& c) {
  return {{"gold", c.gold},           {"found", c.found},           {"predicted", c.predicted},
          {"correct", c.correct},     {"precision", c.precision()}, {"recall", c.recall()},
          {"f1", f1(c.precision(), c.recall())}};
}

std::string score_line(const Counts& c) {
  return "precision " + fraction(c.correct, c.predicted) + ", recall " + fraction(c.found, c.gold) + ", F1 " +
         (c.predicted + c.gold == 0 ? "–" : percent(f1(c.precision(), c.recall())));
}

std::optional<std::string> read_checked_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path)) {
    report(path + ": cannot open the file");
    return std::nullopt;
  }
  std::ostringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  Utf8Checker checker(path);
  std::optional<Error> bad = checker.feed(text);
  if (!bad) bad = checker.finish();
  if (bad) {
    report(bad->to_string());
    return std::nullopt;
  }
  return text;
}

}  // namespace

int run_record(const Options& options) {
  const std::string& text_path = options.args[0];
  const std::string& gold_path = options.args[1];
  std::shared_ptr<const PackSet> packs = load_configured_packs(options);
  if (!packs) return 2;
  std::optional<std::string> text = read_checked_text(text_path);
  if (!text) return 2;
  bool ok = true;
  std::optional<std::vector<JsonLine>> lines = read_jsonl(gold_path, ok);
  if (!lines) return 2;

  // 1. Gold: every record needs a span and a kind; its text, when given, must be the
  //    document's text there (a gold file in byte offsets would fail here, not score 0).
  std::vector<Json> gold;
  std::vector<Span> gold_spans;
  const std::size_t text_cps = code_point_count(*text);
  for (const JsonLine& line : *lines) {
    std::optional<Span> span = record_span(line.value);
    const std::string where = gold_path + ": line " + std::to_string(line.line) + ": ";
    if (!span || span->end > text_cps || !get_string(line.value, "kind")) {
      report(where + "needs integer start <= end within the text and a string kind; record skipped");
      ok = false;
      continue;
    }
    std::optional<std::string> want = get_string(line.value, "text");
    const std::size_t b0 = byte_of_code_point(*text, span->start), b1 = byte_of_code_point(*text, span->end);
    if (want && *want != text->substr(b0, b1 - b0)) {
      report(where + "text '" + *want + "' is not the document's text at code points " + std::to_string(span->start) +
             "-" + std::to_string(span->end) + " ('" + text->substr(b0, b1 - b0) + "'); scored as given");
      ok = false;
    }
    gold.push_back(line.value);
    gold_spans.push_back(*span);
  }

  // 2. Ours, over the whole document, sentences detected per sentence unless --lang.
  Predictions ours = extract(make_extractor(packs, options.lang), *text);
  std::vector<Span> our_spans;
  for (const Json& r : ours) our_spans.push_back(record_span(r).value_or(Span{}));

  // 3. Exact matches, one to one, in gold order.
  std::vector<std::optional<std::size_t>> match_of_gold(gold.size());
  std::vector<bool> our_matched(ours.size(), false);
  for (std::size_t g = 0; g < gold.size(); ++g) {
    for (std::size_t p = 0; p < ours.size(); ++p) {
      if (!our_matched[p] && our_spans[p].start == gold_spans[g].start && our_spans[p].end == gold_spans[g].end) {
        match_of_gold[g] = p;
        our_matched[p] = true;
        break;
      }
    }
  }

  // 4. Exact and overlap scores, overall and per kind (gold kind for recall, ours for precision).
  Counts exact, overlap;
  std::map<std::string, Counts> by_kind;
  exact.gold = overlap.gold = gold.size();
  exact.predicted = overlap.predicted = ours.size();
  for (std::size_t g = 0; g < gold.size(); ++g) {
    Counts& k = by_kind[*get_string(gold[g], "kind")];
    ++k.gold;
    if (match_of_gold[g]) {
      ++exact.found;
      ++k.found;
    }
    for (const Span& s : our_spans) {
      if (overlaps(s, gold_spans[g])) {
        ++overlap.found;
        break;
      }
    }
  }
  for (std::size_t p = 0; p < ours.size(); ++p) {
    Counts& k = by_kind[get_string(ours[p], "kind").value_or("?")];
    ++k.predicted;
    if (our_matched[p]) {
      ++exact.correct;
      ++k.correct;
    }
    for (const Span& s : gold_spans) {
      if (overlaps(s, our_spans[p])) {
        ++overlap.correct;
        break;
      }
    }
  }

  // 5. Field accuracy over exact matches.
  struct FieldCount {
    std::size_t right = 0, compared = 0;
  };
  std::map<std::string, FieldCount> fields;
  FieldCount all_fields;
  std::vector<std::string> wrong;  // for --misses
  for (std::size_t g = 0; g < gold.size(); ++g) {
    if (!match_of_gold[g]) continue;
    const Json& ours_here = ours[*match_of_gold[g]];
    bool all_right = true;
    for (const char* name : kFields) {
      const std::string field = name;
      if (!compared_always(field) && !gold[g].contains(field)) continue;
      const Json want = field_of(gold[g], field), got = field_of(ours_here, field);
      FieldCount& fc = fields[field];
      ++fc.compared;
      if (field_right(field, want, got)) {
        ++fc.right;
      } else {
        all_right = false;
        wrong.push_back("`" + get_string(gold[g], "text").value_or("") + "` (" + std::to_string(gold_spans[g].start) + "-" +
                        std::to_string(gold_spans[g].end) + ") " + field + ": gold " + want.dump() + ", ours " + got.dump());
      }
    }
    ++all_fields.compared;
    if (all_right) ++all_fields.right;
  }

  if (options.json) {
    OrderedJson out = {{"mode", "record"}, {"text", text_path}, {"gold", gold_path}};
    out["exact"] = counts_json(exact);
    out["overlap"] = counts_json(overlap);
    for (const auto& [kind, c] : by_kind) out["by_kind"][kind] = counts_json(c);
    for (const char* name : kFields) {
      const FieldCount& fc = fields[name];
      out["fields"][name] = {{"right", fc.right}, {"compared", fc.compared}, {"accuracy", rate(fc.right, fc.compared)}};
    }
    out["fields"]["all"] = {{"right", all_fields.right}, {"compared", all_fields.compared},
                            {"accuracy", rate(all_fields.right, all_fields.compared)}};
    std::cout << out.dump(2) << '\n';
    return ok ? 0 : 2;
  }

  std::cout << "## sosu_eval record: " << text_path << "\n\n"
            << "gold " << gold_path << ": " << gold.size() << " figures; ours: " << ours.size() << " records\n\n"
            << "exact span: " << score_line(exact) << "\n"
            << "overlap:    " << score_line(overlap) << "\n\n";
  Table kinds({"kind", "gold", "found", "recall", "ours", "right span", "precision", "F1"});
  auto kind_row = [&](const std::string& name, const Counts& c) {
    kinds.add({name, std::to_string(c.gold), std::to_string(c.found), percent(c.found, c.gold), std::to_string(c.predicted),
               std::to_string(c.correct), percent(c.correct, c.predicted),
               c.gold + c.predicted == 0 ? "–" : percent(f1(c.precision(), c.recall()))});
  };
  for (const auto& [kind, c] : by_kind) kind_row(kind, c);
  kind_row("all", exact);
  std::cout << "Exact span matches by kind (recall by the gold kind, precision by ours):\n\n" << kinds.markdown() << '\n';

  Table field_table({"field", "right", "compared", "accuracy"});
  for (const char* name : kFields) {
    const FieldCount& fc = fields[name];
    field_table.add({name, std::to_string(fc.right), std::to_string(fc.compared), percent(fc.right, fc.compared)});
  }
  field_table.add({"every field", std::to_string(all_fields.right), std::to_string(all_fields.compared),
                   percent(all_fields.right, all_fields.compared)});
  std::cout << "Fields of the " << exact.found << " exact matches (kind and qualifier always compared, a missing gold "
            << "qualifier meaning none; the others where the gold record has them; a subject is also right when "
            << "ours ends with ' ' + the gold one):\n\n"
            << field_table.markdown();

  if (options.misses > 0) {
    std::cout << "\nMissed (no record of ours at the gold span):\n";
    std::size_t shown = 0;
    for (std::size_t g = 0; g < gold.size() && shown < options.misses; ++g) {
      if (match_of_gold[g]) continue;
      ++shown;
      std::cout << "- gold " << describe(gold[g]) << " at " << gold_spans[g].start << "-" << gold_spans[g].end << ": "
                << context(*text, gold_spans[g]) << '\n';
      for (std::size_t p = 0; p < ours.size(); ++p) {
        if (overlaps(our_spans[p], gold_spans[g])) {
          std::cout << "  ours overlapping: " << describe(ours[p]) << " at " << our_spans[p].start << "-" << our_spans[p].end
                    << '\n';
        }
      }
    }
    if (shown == 0) std::cout << "(none)\n";
    std::cout << "\nWrong fields:\n";
    for (std::size_t i = 0; i < wrong.size() && i < options.misses; ++i) std::cout << "- " << wrong[i] << '\n';
    if (wrong.empty()) std::cout << "(none)\n";
    std::cout << "\nOurs without a gold record at the same span:\n";
    shown = 0;
    for (std::size_t p = 0; p < ours.size() && shown < options.misses; ++p) {
      if (our_matched[p]) continue;
      ++shown;
      std::cout << "- " << describe(ours[p]) << " at " << our_spans[p].start << "-" << our_spans[p].end << ": "
                << context(*text, our_spans[p]) << '\n';
    }
    if (shown == 0) std::cout << "(none)\n";
  }
  return ok ? 0 : 2;
}

}  // namespace sosu::eval
