// sosu_eval recognizers PEERS_JSONL: Recognizers-Text's Korean Number and NumberWithUnit specs.
//
// Only the models whose results are figures in our sense (numbers, ordinals, percentages,
// currency, dimensions, temperatures, ages; not NumberRangeModel's "이십보다 크고" clauses),
// and only examples that .NET itself is expected to pass. An expected result is found when a
// record of ours covers its Text, which is located by searching the input (the specs' Start/End
// are often stale, shared/peers/README.md); its value is right when that record's value
// equals the Resolution's (a number string such as "75000000", "-1.2732E+15" or "100%").
#include <algorithm>
#include <iostream>
#include <map>

#include "eval_support.h"

namespace sosu::eval {
namespace {

constexpr const char* kModels[] = {"NumberModel",   "OrdinalModel",     "PercentModel", "CurrencyModel",
                                   "DimensionModel", "TemperatureModel", "AgeModel"};

bool in_scope(const std::string& model) {
  return std::any_of(std::begin(kModels), std::end(kModels), [&](const char* m) { return model == m; });
}

struct ModelTally {
  std::size_t records = 0, results = 0, found = 0;
  std::size_t value_checked = 0, value_right = 0;  // results with a numeric resolution value
  std::size_t not_located = 0;                     // Text not in the input: a data problem
  std::size_t expect_nothing = 0, said_something = 0;
};

}  // namespace

int run_recognizers(const Options& options) {
  const std::string& path = options.args[0];
  std::shared_ptr<const PackSet> packs = load_configured_packs(options);
  if (!packs) return 2;
  bool ok = true;
  std::optional<std::vector<JsonLine>> lines = read_jsonl(path, ok);
  if (!lines) return 2;

  const Extractor extractor = make_extractor(packs, "ko");
  std::map<std::string, ModelTally> tallies;
  std::map<std::string, std::vector<std::string>> misses;
  for (const JsonLine& line : *lines) {
    const Json& spec = line.value;
    const std::string model = get_string(spec, "model").value_or("");
    if (!in_scope(model) || !get_bool(spec, "dotnet_expected_to_pass")) continue;
    std::optional<std::string> text = get_string(spec, "text");
    auto expected = spec.find("expected");
    if (!text || expected == spec.end() || !expected->is_array()) {
      report(path + ": line " + std::to_string(line.line) + ": needs text and an expected array; example skipped");
      ok = false;
      continue;
    }
    ModelTally& t = tallies[model];
    ++t.records;
    Predictions ours = extract(extractor, *text);
    std::string ours_text;
    for (const Json& r : ours) ours_text += (ours_text.empty() ? "" : "; ") + describe(r);
    if (expected->empty()) {
      ++t.expect_nothing;
      if (!ours.empty()) {
        ++t.said_something;
        misses[model].push_back("«" + *text + "»: nothing expected; ours: " + ours_text);
      }
      continue;
    }
    // Results come in text order; search each after the previous one, so that a repeated
    // Text ("5000과 같 거나 5000 미만") finds its own occurrence.
    std::size_t search_from = 0;
    for (const Json& result : *expected) {
      ++t.results;
      const std::string want_text = get_string(result, "Text").value_or("");
      std::size_t at = want_text.empty() ? std::string::npos : text->find(want_text, search_from);
      if (at == std::string::npos && !want_text.empty()) at = text->find(want_text);
      if (at == std::string::npos) {
        ++t.not_located;
        misses[model].push_back("`" + want_text + "` is not in «" + *text + "»");
        continue;
      }
      search_from = at + want_text.size();
      // Our byte offsets are into the same string, so compare bytes directly.
      std::vector<const Json*> covering;
      for (const Json& r : ours) {
        std::optional<std::int64_t> b0 = get_int(r, "byte_start"), b1 = get_int(r, "byte_end");
        if (b0 && b1 && static_cast<std::size_t>(*b0) <= at && at + want_text.size() <= static_cast<std::size_t>(*b1)) {
          covering.push_back(&r);
        }
      }
      Json want_value;
      if (auto res = result.find("Resolution"); res != result.end() && res->is_object()) {
        if (auto v = res->find("value"); v != res->end()) want_value = *v;
      }
      const bool numeric = ExactNumber::from_json(want_value).has_value();
      if (numeric) ++t.value_checked;
      if (covering.empty()) {
        misses[model].push_back("`" + want_text + "` in «" + *text + "»: not found; ours: " +
                                (ours_text.empty() ? "nothing" : ours_text));
        continue;
      }
      ++t.found;
      if (!numeric) continue;
      const bool right = std::any_of(covering.begin(), covering.end(),
                                     [&](const Json* r) { return r->contains("value") && same_number(r->at("value"), want_value); });
      if (right) {
        ++t.value_right;
      } else {
        misses[model].push_back("`" + want_text + "` in «" + *text + "»: value " + want_value.dump() + ", ours " +
                                describe(*covering.front()));
      }
    }
  }

  if (options.json) {
    OrderedJson out = {{"mode", "recognizers"}, {"peers", path}};
    for (const char* model : kModels) {
      const ModelTally& t = tallies[model];
      out["models"][model] = {{"records", t.records},
                              {"results", t.results},
                              {"found", t.found},
                              {"found_rate", rate(t.found, t.results)},
                              {"value_checked", t.value_checked},
                              {"value_right", t.value_right},
                              {"value_rate", rate(t.value_right, t.value_checked)},
                              {"text_not_located", t.not_located},
                              {"records_expecting_nothing", t.expect_nothing},
                              {"of_which_ours_found_something", t.said_something}};
    }
    std::cout << out.dump(2) << '\n';
    return ok ? 0 : 2;
  }

  std::cout << "## sosu_eval recognizers: " << path << "\n\n"
            << "Korean Number/NumberWithUnit specs that .NET is expected to pass. found: a record of ours covers the "
               "expected Text; value: its value equals the resolution's, over results with a numeric value (ordinal "
               "offsets like end-1 and value-less units are left out).\n\n";
  Table table({"model", "examples", "expected results", "found", "value right", "expecting nothing: ours silent"});
  ModelTally sum;
  auto row = [&](const std::string& name, const ModelTally& t) {
    table.add({name, std::to_string(t.records), std::to_string(t.results), fraction(t.found, t.results),
               fraction(t.value_right, t.value_checked),
               t.expect_nothing == 0 ? "–" : std::to_string(t.expect_nothing - t.said_something) + "/" + std::to_string(t.expect_nothing)});
  };
  for (const char* model : kModels) {
    const ModelTally& t = tallies[model];
    row(model, t);
    sum.records += t.records;
    sum.results += t.results;
    sum.found += t.found;
    sum.value_checked += t.value_checked;
    sum.value_right += t.value_right;
    sum.not_located += t.not_located;
    sum.expect_nothing += t.expect_nothing;
    sum.said_something += t.said_something;
  }
  row("all", sum);
  std::cout << table.markdown();
  if (sum.not_located > 0) std::cout << "\n" << sum.not_located << " expected Text(s) could not be located in their input.\n";
  if (options.misses > 0) {
    for (const char* model : kModels) {
      const std::vector<std::string>& list = misses[model];
      if (list.empty()) continue;
      std::cout << "\nMisses, " << model << " (" << shown_of(options.misses, list.size()) << "):\n";
      for (std::size_t i = 0; i < list.size() && i < options.misses; ++i) std::cout << "- " << list[i] << '\n';
    }
  }
  return ok ? 0 : 2;
}

}  // namespace sosu::eval
