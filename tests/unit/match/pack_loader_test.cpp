#include <gtest/gtest.h>

#include "match/pack_data.h"
#include "test_support.h"

namespace sosu {
namespace {

using testing::patterns_dir;
using testing::test_data_dir;

std::filesystem::path bad(const std::string& name) { return test_data_dir() / "errors" / "bad_packs" / name; }

// Loads a directory that must fail; returns its errors.
std::vector<Error> load_errors(const std::vector<std::filesystem::path>& dirs) {
  Result<PackSet> r = load_packs(dirs);
  EXPECT_FALSE(r.ok());
  return r.ok() ? std::vector<Error>{} : r.errors();
}

TEST(PackLoader, LoadsTheProjectPacks) {
  Result<PackSet> packs = load_packs({patterns_dir()});
  ASSERT_TRUE(packs.ok()) << packs.errors().front().to_string();
  EXPECT_GE(packs->rule_count(), 10u);
  EXPECT_EQ(packs->languages(), (std::vector<std::string>{"ko", "vi"}));
  EXPECT_NE(packs->versions().find("ko/count 1"), std::string::npos) << packs->versions();
  const internal::LanguageRules& ko = packs->data().languages.at("ko");
  ASSERT_NE(ko.table("counter"), nullptr);
  EXPECT_EQ(ko.numerals.decimal_mark, '.');
  EXPECT_EQ(ko.numerals.group_mark, ',');
  EXPECT_FALSE(ko.numerals.large_scales.empty());
}

TEST(PackLoader, MalformedXmlNamesFileLineAndColumn) {
  std::vector<Error> errors = load_errors({bad("malformed_xml")});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, ErrorCode::kPackXml);
  EXPECT_NE(errors[0].file.find("broken.xml"), std::string::npos);
  ASSERT_TRUE(errors[0].line_col.has_value());
  EXPECT_EQ(errors[0].line_col->line, 5u);  // </pack> closes what <rule> opened
  EXPECT_NE(errors[0].message.find("malformed XML"), std::string::npos);
}

TEST(PackLoader, RegexThatDoesNotCompileNamesTheRuleAndLine) {
  std::vector<Error> errors = load_errors({bad("bad_regex")});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, ErrorCode::kPackRegex);
  EXPECT_EQ(errors[0].line_col->line, 4u);
  EXPECT_NE(errors[0].message.find("ko/count/unbalanced"), std::string::npos);
  EXPECT_NE(errors[0].message.find("missing )"), std::string::npos) << errors[0].message;
}

TEST(PackLoader, UnknownCaptureName) {
  std::vector<Error> errors = load_errors({bad("unknown_capture")});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, ErrorCode::kPackCapture);
  EXPECT_NE(errors[0].message.find("(?P<banana>"), std::string::npos);
  EXPECT_EQ(errors[0].line_col->line, 4u);
}

TEST(PackLoader, UndefinedFragment) {
  std::vector<Error> errors = load_errors({bad("undefined_fragment")});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, ErrorCode::kPackFragment);
  EXPECT_NE(errors[0].message.find("${no_such_fragment}"), std::string::npos);
}

TEST(PackLoader, CyclicFragments) {
  std::vector<Error> errors = load_errors({bad("cyclic_fragment")});
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].code, ErrorCode::kPackFragment);
  EXPECT_NE(errors[0].message.find("cyclic fragment reference: ping -> pong -> ping"), std::string::npos)
      << errors[0].message;
}

TEST(PackLoader, SchemaProblemsAreAllReported) {
  std::vector<Error> errors = load_errors({bad("bad_schema")});
  ASSERT_EQ(errors.size(), 3u);
  for (const Error& e : errors) EXPECT_EQ(e.code, ErrorCode::kPackSchema);
  EXPECT_NE(errors[0].message.find("needs an id"), std::string::npos);
  EXPECT_EQ(errors[0].line_col->line, 3u);
  EXPECT_NE(errors[1].message.find("<widget>"), std::string::npos);
  EXPECT_EQ(errors[1].line_col->line, 6u);
  EXPECT_NE(errors[2].message.find("bananas"), std::string::npos);
}

TEST(PackLoader, StatusReachThatIsNoNumberNamesTheTable) {
  std::vector<Error> errors = load_errors({bad("bad_status_reach")});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, ErrorCode::kPackSchema);
  EXPECT_NE(errors[0].file.find("attach.xml"), std::string::npos);
  EXPECT_EQ(errors[0].line_col->line, 4u);
  EXPECT_NE(errors[0].message.find("table status_reach: \"words\" = \"bốn\""), std::string::npos) << errors[0].message;
}

TEST(PackLoader, StatusReachIsReadOnceAtLoad) {
  Result<PackSet> packs = load_packs({patterns_dir()});
  ASSERT_TRUE(packs.ok()) << packs.errors().front().to_string();
  EXPECT_EQ(packs->data().languages.at("vi").status_reach, 4u);
  EXPECT_EQ(packs->data().languages.at("ko").status_reach, 2u);  // no table: the default
}

TEST(PackLoader, ReportsProblemsInEveryFileNotJustTheFirst) {
  std::vector<Error> errors = load_errors({bad("multiple_problems")});
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].code, ErrorCode::kPackRegex);  // rules compile in file order: a.xml first
  EXPECT_NE(errors[0].file.find("a.xml"), std::string::npos);
  EXPECT_EQ(errors[1].code, ErrorCode::kPackFragment);
  EXPECT_NE(errors[1].file.find("b.xml"), std::string::npos);
}

TEST(PackLoader, DuplicateRuleInOneDirectory) {
  std::vector<Error> errors = load_errors({bad("duplicate_rule")});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, ErrorCode::kPackSchema);
  EXPECT_NE(errors[0].message.find("ko/count/twice is defined twice (first at"), std::string::npos)
      << errors[0].message;
  EXPECT_NE(errors[0].file.find("two.xml"), std::string::npos);
}

TEST(PackLoader, MissingDirectory) {
  std::vector<Error> errors = load_errors({test_data_dir() / "no-such-dir"});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, ErrorCode::kIo);
  EXPECT_NE(errors[0].file.find("no-such-dir"), std::string::npos);
}

TEST(PackLoader, FailingExamplesAreReportedByTheChecker) {
  Result<PackSet> loaded = load_packs({bad("failing_example")});
  ASSERT_TRUE(loaded.ok());
  auto packs = std::make_shared<const PackSet>(std::move(loaded).value());
  std::vector<Error> errors = check_pack_examples(packs);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].code, ErrorCode::kPackExample);
  EXPECT_EQ(errors[0].line_col->line, 5u);
  EXPECT_NE(errors[0].message.find("expected value=13"), std::string::npos) << errors[0].message;
  EXPECT_NE(errors[0].message.find("\"value\":12"), std::string::npos) << errors[0].message;
  EXPECT_EQ(errors[1].line_col->line, 6u);
  EXPECT_NE(errors[1].message.find("counterexample"), std::string::npos);
}

TEST(PackLoader, LaterDirectoryOverridesRulesWithTheSameId) {
  Result<PackSet> loaded = load_packs({patterns_dir(), bad("override")});
  ASSERT_TRUE(loaded.ok()) << loaded.errors().front().to_string();
  auto packs = std::make_shared<const PackSet>(std::move(loaded).value());
  Extractor ex = ExtractorBuilder().packs(packs).build();
  CollectingSink sink;
  ex.run("t", "기층당 조직이 725개이고 업체 1,250곳이 있다.", sink);
  // The replaced rule no longer knows 개, and the bare-number rule leaves a number followed
  // by a word it does not know (725개) alone.
  ASSERT_EQ(sink.figures.size(), 1u);
  EXPECT_EQ(sink.figures[0].text, "1,250곳");
  EXPECT_EQ(sink.figures[0].pattern, "ko/count/counter");
  // The replacement's own example passes (other rules' examples that needed 개 may not).
  for (const Error& e : check_pack_examples(packs)) {
    EXPECT_EQ(e.message.find("rule ko/count/counter:"), std::string::npos) << e.message;
  }
}

TEST(PackLoader, CaptureSuffixStandsForTheSameField) {
  EXPECT_EQ(internal::capture_field("qualifier_2"), internal::Field::kQualifier);
  EXPECT_EQ(internal::capture_field("value"), internal::Field::kValue);
  EXPECT_EQ(internal::capture_field("minor_currency"), internal::Field::kMinorCurrency);
  EXPECT_EQ(internal::capture_field("decade_3"), internal::Field::kDecade);
  EXPECT_EQ(internal::capture_field("banana"), std::nullopt);
  EXPECT_EQ(internal::capture_field("_2"), std::nullopt);
}

// Every field's name reads back as that field: the name table and the enum are in step.
TEST(PackLoader, FieldNamesAndFieldsAgree) {
  const auto last = static_cast<int>(internal::Field::kDecade);
  for (int k = 0; k <= last; ++k) {
    const auto field = static_cast<internal::Field>(k);
    EXPECT_EQ(internal::capture_field(internal::field_name(field)), field) << internal::field_name(field);
  }
  EXPECT_EQ(internal::field_name(internal::Field::kValue), "value");
  EXPECT_EQ(internal::field_name(internal::Field::kLargerUnit), "larger_unit");
}

}  // namespace
}  // namespace sosu
