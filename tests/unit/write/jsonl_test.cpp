// sosu::figure_to_json and sosu::JsonlSink against spec/RECORD.md: field order, nulls,
// exact integers, decimals as printed, the time object and string escaping.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "sosu/figure.h"
#include "sosu/jsonl.h"

namespace sosu {
namespace {

using OrderedJson = nlohmann::ordered_json;

std::vector<std::string> keys_of(const std::string& line) {
  std::vector<std::string> keys;
  const OrderedJson parsed = OrderedJson::parse(line);  // items() refers to it: keep it alive
  for (const auto& item : parsed.items()) keys.push_back(item.key());
  return keys;
}

const std::vector<std::string> kAlwaysKeys = {
    "v",       "doc",  "lang", "kind", "text",    "start",     "end",  "byte_start", "byte_end", "value",
    "from",    "to",   "date", "unit", "subject", "qualifier", "time", "sentence",   "pattern",  "direction"};

// The first example of RECORD.md.
Figure seed_count() {
  Figure f;
  f.doc = "seed.ko.txt";
  f.lang = "ko";
  f.kind = Kind::kCount;
  f.text = "4,925개";
  f.start = 663;
  f.end = 669;
  f.byte_start = 1587;
  f.byte_end = 1595;
  f.value = Decimal{4925, 0};
  f.unit = "개";
  f.subject = "당 세포";
  f.time = TimeRef{"2020년 초", std::string("2020"), std::string("early"), std::nullopt};
  f.sentence = 4;
  f.pattern = "ko/count/counter";
  return f;
}

// The second example of RECORD.md.
Figure vi_percent() {
  Figure f;
  f.doc = "bao.vi.txt";
  f.lang = "vi";
  f.kind = Kind::kPercent;
  f.text = "91,7%";
  f.start = 120;
  f.end = 125;
  f.byte_start = 131;
  f.byte_end = 136;
  f.value = Decimal{917, 1};
  f.unit = "%";
  f.subject = "tổ chức cơ sở đảng";
  f.sentence = 2;
  f.pattern = "vi/percent/symbol";
  f.decimals = 1;
  return f;
}

TEST(FigureToJson, WritesTheFirstRecordExampleExactly) {
  // As RECORD.md's example, plus "direction": always written, null when unknown.
  EXPECT_EQ(figure_to_json(seed_count()),
            R"({"v":1,"doc":"seed.ko.txt","lang":"ko","kind":"count","text":"4,925개","start":663,"end":669,)"
            R"("byte_start":1587,"byte_end":1595,"value":4925,"from":null,"to":null,"date":null,"unit":"개",)"
            R"("subject":"당 세포","qualifier":null,"time":{"text":"2020년 초","date":"2020","part":"early"},)"
            R"("sentence":4,"pattern":"ko/count/counter","direction":null})");
}

TEST(FigureToJson, WritesTheSecondRecordExampleExactly) {
  EXPECT_EQ(figure_to_json(vi_percent()),
            R"({"v":1,"doc":"bao.vi.txt","lang":"vi","kind":"percent","text":"91,7%","start":120,"end":125,)"
            R"("byte_start":131,"byte_end":136,"value":91.7,"from":null,"to":null,"date":null,"unit":"%",)"
            R"("subject":"tổ chức cơ sở đảng","qualifier":null,"time":null,"sentence":2,)"
            R"("pattern":"vi/percent/symbol","direction":null,"decimals":1})");
}

TEST(FigureToJson, KeysFollowRecordOrderAndAlwaysFieldsAreNullWhenUnset) {
  Figure f;  // nothing set
  const std::string line = figure_to_json(f);
  EXPECT_EQ(keys_of(line), kAlwaysKeys);
  nlohmann::json j = nlohmann::json::parse(line);
  EXPECT_EQ(j["v"], 1);
  EXPECT_EQ(j["doc"], "");
  EXPECT_EQ(j["kind"], "number");
  EXPECT_EQ(j["start"], 0);
  EXPECT_EQ(j["sentence"], 0);
  for (const char* key : {"value", "from", "to", "date", "unit", "subject", "qualifier", "time", "direction"}) {
    EXPECT_TRUE(j[key].is_null()) << key;
  }
  EXPECT_EQ(line.find('\n'), std::string::npos);
}

TEST(FigureToJson, OptionalFieldsOnlyWhenSetAndInRecordOrder) {
  Figure f = seed_count();
  f.direction = "increase";
  f.source = "통계청";
  f.place = "충북";
  f.per = "person";
  f.decimals = 0;
  f.status = "estimate";
  std::vector<std::string> expected = kAlwaysKeys;
  for (const char* key : {"status", "decimals", "per", "place", "source"}) expected.push_back(key);
  const std::string line = figure_to_json(f);
  EXPECT_EQ(keys_of(line), expected);
  nlohmann::json j = nlohmann::json::parse(line);
  EXPECT_EQ(j["direction"], "increase");
  EXPECT_EQ(j["status"], "estimate");
  EXPECT_EQ(j["decimals"], 0);
  EXPECT_EQ(j["per"], "person");
  EXPECT_EQ(j["place"], "충북");
  EXPECT_EQ(j["source"], "통계청");

  // Only some of them: the others stay absent, not null.
  Figure g = seed_count();
  g.place = "충북";
  std::vector<std::string> with_place = kAlwaysKeys;
  with_place.push_back("place");
  EXPECT_EQ(keys_of(figure_to_json(g)), with_place);
}

TEST(FigureToJson, WritesIntegersExactly) {
  Figure f = seed_count();
  f.kind = Kind::kMoney;
  f.value = Decimal{12430700000000, 0};
  EXPECT_NE(figure_to_json(f).find(R"("value":12430700000000,)"), std::string::npos) << figure_to_json(f);

  // Past 2^53 a double would round 9007199254740993 to ...992; the record keeps it.
  f.value = Decimal{9007199254740993, 0};
  std::string line = figure_to_json(f);
  EXPECT_NE(line.find(R"("value":9007199254740993,)"), std::string::npos) << line;
  EXPECT_EQ(nlohmann::json::parse(line)["value"].get<std::int64_t>(), 9007199254740993);

  f.value = Decimal{-1862, 0};
  EXPECT_NE(figure_to_json(f).find(R"("value":-1862,)"), std::string::npos);
}

TEST(FigureToJson, WritesDecimalsAsPrinted) {
  Figure f = vi_percent();
  struct Case {
    Decimal value;
    const char* expected;
  };
  for (const Case& c : {Case{{917, 1}, R"("value":91.7,)"}, Case{{5, 2}, R"("value":0.05,)"},
                        Case{{-35, 1}, R"("value":-3.5,)"}, Case{{123456, 3}, R"("value":123.456,)"},
                        Case{{418, 1}, R"("value":41.8,)"}}) {
    f.value = c.value;
    std::string line = figure_to_json(f);
    EXPECT_NE(line.find(c.expected), std::string::npos) << line;
  }
}

// Library bug (minor): non-integer values go through double, so past ~16 significant digits
// the record is rounded ("1234567890123456.78" is written 1234567890123456.8) although
// RECORD.md says decimals are written as printed and nothing is rounded. Enable once fixed.
TEST(FigureToJson, WritesLongDecimalsWithoutRounding) {
  Figure f = vi_percent();
  f.value = Decimal{123456789012345678, 2};
  std::string line = figure_to_json(f);
  EXPECT_NE(line.find(R"("value":1234567890123456.78,)"), std::string::npos) << line;
}

TEST(FigureToJson, WritesNumericRanges) {
  Figure f;
  f.kind = Kind::kYearRange;
  f.from = Decimal{2021, 0};
  f.to = Decimal{2023, 0};
  std::string line = figure_to_json(f);
  EXPECT_NE(line.find(R"("value":null,"from":2021,"to":2023,"date":null,)"), std::string::npos) << line;

  f.kind = Kind::kPercent;
  f.from = Decimal{32, 1};
  f.to = Decimal{45, 1};
  line = figure_to_json(f);
  EXPECT_NE(line.find(R"("from":3.2,"to":4.5,)"), std::string::npos) << line;
}

TEST(FigureToJson, WritesDateRangeBoundsAsStrings) {
  Figure f;
  f.kind = Kind::kDateRange;
  f.text = "2023년 상반기";
  f.from_date = "2023-01";
  f.to_date = "2023-06";
  std::string line = figure_to_json(f);
  EXPECT_NE(line.find(R"("kind":"date_range",)"), std::string::npos) << line;
  EXPECT_NE(line.find(R"("value":null,"from":"2023-01","to":"2023-06","date":null,)"), std::string::npos) << line;

  Figure d;
  d.kind = Kind::kDate;
  d.date = "--06-16";
  line = figure_to_json(d);
  EXPECT_NE(line.find(R"("to":null,"date":"--06-16","unit":null,)"), std::string::npos) << line;
}

TEST(FigureToJson, TimeObjectShape) {
  Figure f = seed_count();
  f.time = TimeRef{"지난해", std::nullopt, std::nullopt, std::string("previous_year")};
  std::string line = figure_to_json(f);
  EXPECT_NE(line.find(R"("time":{"text":"지난해","date":null,"part":null,"relative":"previous_year"},)"),
            std::string::npos)
      << line;

  f.time = TimeRef{"năm 2019", std::string("2019"), std::nullopt, std::nullopt};
  line = figure_to_json(f);
  EXPECT_NE(line.find(R"("time":{"text":"năm 2019","date":"2019","part":null},)"), std::string::npos) << line;
  std::vector<std::string> time_keys;
  const OrderedJson parsed = OrderedJson::parse(line);
  for (const auto& item : parsed["time"].items()) time_keys.push_back(item.key());
  EXPECT_EQ(time_keys, (std::vector<std::string>{"text", "date", "part"}));
}

TEST(FigureToJson, EscapesStringsAndKeepsHangulAsUtf8) {
  Figure f = seed_count();
  f.doc = "news/\"quoted\" 기사\\a.txt";
  f.text = "\"4,925개\"";
  f.subject = "탭\t줄\n바꿈 \x01 «당» “세포”";
  std::string line = figure_to_json(f);
  EXPECT_NE(line.find(R"("doc":"news/\"quoted\" 기사\\a.txt",)"), std::string::npos) << line;
  EXPECT_NE(line.find(R"("text":"\"4,925개\"",)"), std::string::npos) << line;
  EXPECT_NE(line.find(R"("subject":"탭\t줄\n바꿈 \u0001 «당» “세포”",)"), std::string::npos) << line;
  EXPECT_EQ(line.find('\n'), std::string::npos);  // one record, one line

  nlohmann::json j = nlohmann::json::parse(line);
  EXPECT_EQ(j["doc"], f.doc);
  EXPECT_EQ(j["text"], f.text);
  EXPECT_EQ(j["subject"], *f.subject);
  EXPECT_EQ(j["unit"], "개");
  EXPECT_EQ(j["time"]["text"], "2020년 초");
}

// The writer makes room per field: a sentence of thousands of bytes, every one escaped, after
// records already in the buffer, must come out whole, and the returned offset must point at
// the sentence index of this record, not of an earlier one.
TEST(AppendFigureJson, LongEscapedFieldsAfterEarlierRecords) {
  Figure f = seed_count();
  std::string control;
  for (int i = 0; i < 3000; ++i) control += static_cast<char>(1 + i % 31);
  f.sentence_text = "“" + control + "\"\\" + std::string(5000, '\n') + "」";
  f.subject = std::string(2000, '"');
  f.sentence = 77;

  std::string out;
  for (int k = 0; k < 3; ++k) {
    append_figure_json(vi_percent(), out);
    out += '\n';
  }
  const std::size_t before = out.size();
  const std::size_t sentence_at = append_figure_json(f, out);
  ASSERT_GT(sentence_at, before);
  EXPECT_EQ(out.compare(sentence_at, 3, "77,"), 0) << out.substr(sentence_at, 20);
  EXPECT_EQ(out.substr(0, before), [] {
    std::string three;
    for (int k = 0; k < 3; ++k) three += figure_to_json(vi_percent()) + "\n";
    return three;
  }());
  const nlohmann::json j = nlohmann::json::parse(out.substr(before));
  EXPECT_EQ(j["sentence_text"], *f.sentence_text);
  EXPECT_EQ(j["subject"], *f.subject);
  EXPECT_EQ(j["sentence"], 77);
  EXPECT_EQ(out.substr(before), figure_to_json(f));
}

TEST(FigureToJson, RoundTripsEveryFieldThroughAJsonParser) {
  Figure f = seed_count();
  f.qualifier = "about";
  f.direction = "decrease";
  nlohmann::json j = nlohmann::json::parse(figure_to_json(f));
  EXPECT_EQ(j, nlohmann::json::parse(R"({"v":1,"doc":"seed.ko.txt","lang":"ko","kind":"count","text":"4,925개",
      "start":663,"end":669,"byte_start":1587,"byte_end":1595,"value":4925,"from":null,"to":null,"date":null,
      "unit":"개","subject":"당 세포","qualifier":"about",
      "time":{"text":"2020년 초","date":"2020","part":"early"},"sentence":4,"pattern":"ko/count/counter",
      "direction":"decrease"})"));
}

TEST(FigureToJson, KindNames) {
  const std::vector<std::pair<Kind, std::string>> kinds = {
      {Kind::kCount, "count"},     {Kind::kPercent, "percent"},       {Kind::kPercentPoint, "percent_point"},
      {Kind::kMoney, "money"},     {Kind::kQuantity, "quantity"},     {Kind::kNumber, "number"},
      {Kind::kOrdinal, "ordinal"}, {Kind::kYear, "year"},             {Kind::kYearRange, "year_range"},
      {Kind::kDate, "date"},       {Kind::kDateRange, "date_range"},  {Kind::kDuration, "duration"},
      {Kind::kIdentifier, "identifier"}};
  for (const auto& [kind, name] : kinds) {
    EXPECT_EQ(kind_name(kind), name);
    EXPECT_EQ(kind_from_name(name), std::optional<Kind>(kind)) << name;
    Figure f;
    f.kind = kind;
    EXPECT_EQ(nlohmann::json::parse(figure_to_json(f))["kind"], name);
  }
  EXPECT_FALSE(kind_from_name("percentage").has_value());
}

TEST(JsonlSink, WritesOneLinePerFigure) {
  std::ostringstream out;
  JsonlSink sink(out);
  EXPECT_TRUE(sink.on_figure(seed_count()));
  EXPECT_TRUE(sink.on_figure(vi_percent()));
  EXPECT_EQ(sink.written(), 2u);
  EXPECT_EQ(out.str(), figure_to_json(seed_count()) + "\n" + figure_to_json(vi_percent()) + "\n");
}

TEST(JsonlSink, StopsWhenTheStreamFails) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  JsonlSink sink(out);
  EXPECT_FALSE(sink.on_figure(seed_count()));
}

}  // namespace
}  // namespace sosu
