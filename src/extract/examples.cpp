// Runs the <example> and <counterexample> elements of every rule through a full extractor,
// so that a rule is checked in the company of all the others (overlaps included).
#include <nlohmann/json.hpp>

#include <cstdlib>

#include "match/pack_data.h"
#include "sosu/extract.h"
#include "sosu/jsonl.h"

namespace sosu {
namespace {

using Json = nlohmann::json;

// The record's value for an example attribute; "match" is the record's text, and time,
// time_date and time_part reach into the time object.
Json field_of(const Json& record, const std::string& name) {
  if (name == "match") return record["text"];
  if (name == "time") return record["time"].is_null() ? Json() : record["time"]["text"];
  if (name == "time_date") return record["time"].is_null() ? Json() : record["time"]["date"];
  if (name == "time_part") return record["time"].is_null() ? Json() : record["time"]["part"];
  return record.contains(name) ? record[name] : Json();
}

bool same(const Json& got, const std::string& expected) {
  if (expected == "null") return got.is_null();
  if (got.is_string()) return got.get<std::string>() == expected;
  if (got.is_number_integer()) return got.dump() == expected;
  if (got.is_number_float()) {
    char* end = nullptr;
    double e = std::strtod(expected.c_str(), &end);
    return end != expected.c_str() && *end == '\0' && e == got.get<double>();
  }
  return got.dump() == expected;
}

Error example_error(const internal::PackExample& ex, const std::string& rule_id, const std::string& what) {
  Error e;
  e.code = ErrorCode::kPackExample;
  e.file = ex.at.file;
  e.line_col = LineCol{ex.at.line, 1};
  e.message = "rule " + rule_id + ": " + (ex.negative ? "counterexample" : "example") + " \"" + ex.text + "\": " + what;
  return e;
}

}  // namespace

std::vector<Error> check_pack_examples(const std::shared_ptr<const PackSet>& packs) {
  std::vector<Error> errors;
  for (const auto& [lang, rules] : packs->data().languages) {
    ExtractOptions options;
    options.forced_lang = lang;  // an example is in its pack's language, however short
    Extractor extractor = ExtractorBuilder().packs(packs).options(options).build();
    for (const internal::Rule& rule : rules.rules) {
      for (const internal::PackExample& ex : rule.examples) {
        CollectingSink sink;
        if (ex.ref_date.empty()) {
          extractor.run("example", ex.text, sink);
        } else {
          ExtractOptions dated = options;
          dated.ref_date = CalendarDate::parse(ex.ref_date);
          ExtractorBuilder().packs(packs).options(dated).build().run("example", ex.text, sink);
        }
        std::vector<Json> mine;
        std::string all;
        for (const Figure& f : sink.figures) {
          std::string line = figure_to_json(f);
          all += "\n    " + line;
          // A time rule makes no records of its own: its examples look at every record's time.
          if (f.pattern == rule.id || (rule.time_only() && f.time)) mine.push_back(Json::parse(line));
        }
        if (rule.role == internal::Rule::Role::kIgnore) {
          // An ignore rule's example is text in which it leaves no record at all.
          if (!sink.figures.empty()) errors.push_back(example_error(ex, rule.id, "records remain:" + all));
          continue;
        }
        if (ex.negative) {
          if (!mine.empty()) errors.push_back(example_error(ex, rule.id, "the rule fired:" + all));
          continue;
        }
        if (mine.empty()) {
          errors.push_back(example_error(ex, rule.id, "the rule produced no record" + (all.empty() ? "" : "; records:" + all)));
          continue;
        }
        bool matched = false;
        for (const Json& record : mine) {
          bool ok = true;
          for (const auto& [name, expected] : ex.expect) ok = ok && same(field_of(record, name), expected);
          matched = matched || ok;
        }
        if (!matched) {
          std::string want;
          for (const auto& [name, expected] : ex.expect) want += " " + name + "=" + expected;
          errors.push_back(example_error(ex, rule.id, "expected" + want + "; got:" + all));
        }
      }
    }
  }
  return errors;
}

}  // namespace sosu
