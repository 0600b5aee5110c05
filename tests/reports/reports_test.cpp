// Reports and archives (issue 6): PDF, DOCX, ODT and WARC from the fixtures in
// tests/data/reports (their README says how each was made and what it holds).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <tuple>

#include "test_support.h"

namespace sosu {
namespace {

std::filesystem::path report(const std::string& name) { return testing::test_data_dir() / "data" / "reports" / name; }

using Read = testing::ReadResult;

Read read(const std::string& name) { return testing::read_input(name, report(name)); }

Document only(const Read& r) { return testing::only_document(r); }

std::vector<Figure> figures_of(const Document& doc) { return testing::extract_document(doc); }

const Figure& by_text(const std::vector<Figure>& figures, std::string_view text) {
  return testing::figure_by_text(figures, text);
}

// What a figure is, whatever the format it was read from: kind, value and unit.
std::multiset<std::tuple<std::string, std::string, std::string>> what(const std::vector<Figure>& figures) {
  std::multiset<std::tuple<std::string, std::string, std::string>> out;
  for (const Figure& f : figures) {
    out.emplace(kind_name(f.kind), f.value ? f.value->to_string() : "", f.unit.value_or(""));
  }
  return out;
}

bool pdftotext_installed() { return testing::run_command("command -v pdftotext >/dev/null") == 0; }

#define SKIP_WITHOUT_PDFTOTEXT() \
  if (!pdftotext_installed()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed"

TEST(Docx, ParagraphsTablesAndFootnotes) {
  const Document doc = only(read("ko-report.docx"));
  EXPECT_EQ(doc.meta.format, "docx");
  EXPECT_EQ(doc.text.rfind("2024년 1분기 한빛도 고용 동향\n", 0), 0u);
  EXPECT_NE(doc.text.find("1분기 도내 취업자는 84만3000명으로 전년 동기 대비 1만2000명 증가했다.\n"), std::string::npos);
  EXPECT_NE(doc.text.find("주: 15세 이상 인구 기준, 통계청 지역별고용조사"), std::string::npos);  // the footnote
  EXPECT_EQ(doc.cells.size(), 9u);
  auto figures = figures_of(doc);
  const Figure& factory = by_text(figures, "171");
  EXPECT_EQ(factory.value->to_string(), "171000");  // (단위: 천명)
  EXPECT_EQ(factory.unit, "명");
  EXPECT_EQ(factory.subject, "제조업");
  EXPECT_EQ(factory.time->text, "2024년 1분기");
  EXPECT_EQ(by_text(figures, "-4").value->to_string(), "-4000");
}

TEST(Docx, TrackedDeletionsAreNotText) {
  const Document doc = only(read("ko-tracked.docx"));
  EXPECT_EQ(doc.text.find("980명"), std::string::npos);
  EXPECT_NE(doc.text.find("참가자는 1,250명이었다."), std::string::npos);
  EXPECT_NE(doc.text.find("예산 기준: 2024년 본예산 3억5000만원"), std::string::npos);
  auto figures = figures_of(doc);
  EXPECT_EQ(by_text(figures, "1,250명").value->to_string(), "1250");
  for (const Figure& f : figures) EXPECT_NE(f.text, "980명");
}

TEST(Odt, SameFiguresAsTheDocx) {
  const Document odt = only(read("ko-report.odt"));
  const Document docx = only(read("ko-report.docx"));
  EXPECT_EQ(odt.meta.format, "odt");
  EXPECT_EQ(what(figures_of(odt)), what(figures_of(docx)));
  const Document vi_odt = only(read("vi-report.odt"));
  const Document vi_docx = only(read("vi-report.docx"));
  EXPECT_EQ(what(figures_of(vi_odt)), what(figures_of(vi_docx)));
  const std::vector<Figure> figures = figures_of(vi_odt);
  const Figure& domestic = by_text(figures, "3.410");
  EXPECT_EQ(domestic.value->to_string(), "3410000000000");  // Đơn vị: tỷ đồng
  EXPECT_EQ(domestic.subject, "Thu nội địa");
  ASSERT_TRUE(domestic.time.has_value());
  EXPECT_EQ(domestic.time->date, "2024-01/2024-03");  // the column header Quý I/2024
}

TEST(Pdf, PagesTablesAndTheSameFiguresAsTheDocument) {
  SKIP_WITHOUT_PDFTOTEXT();
  const Document pdf = only(read("ko-report.pdf"));
  EXPECT_EQ(pdf.meta.format, "pdf");
  ASSERT_EQ(pdf.page_starts.size(), 2u);
  auto figures = figures_of(pdf);
  EXPECT_EQ(by_text(figures, "84만3000명").page, 1u);
  EXPECT_EQ(by_text(figures, "63.4%").page, 1u);
  const Figure& factory = by_text(figures, "171");
  EXPECT_EQ(factory.page, 2u);
  EXPECT_EQ(factory.value->to_string(), "171000");
  EXPECT_EQ(factory.subject, "제조업");
  EXPECT_EQ(by_text(figures, "3,420억원").page, 2u);
  // The PDF's figures are the DOCX's (the PDF writes 5만2000 명 with a space, the same figure).
  EXPECT_EQ(what(figures), what(figures_of(only(read("ko-report.docx")))));
}

TEST(Pdf, VietnameseReport) {
  SKIP_WITHOUT_PDFTOTEXT();
  const Document pdf = only(read("vi-report.pdf"));
  auto figures = figures_of(pdf);
  EXPECT_EQ(by_text(figures, "4.850 tỷ đồng").page, 1u);
  const Figure& domestic = by_text(figures, "3.410");
  EXPECT_EQ(domestic.page, 2u);
  EXPECT_EQ(domestic.value->to_string(), "3410000000000");
  EXPECT_EQ(by_text(figures, "2.150 tỷ đồng").value->to_string(), "2150000000000");
}

TEST(Pdf, EncryptedAndScannedAreReported) {
  SKIP_WITHOUT_PDFTOTEXT();
  Read encrypted = read("encrypted.pdf");
  ASSERT_EQ(encrypted.errors.size(), 1u);
  EXPECT_EQ(encrypted.errors[0].code, ErrorCode::kProtected);
  EXPECT_TRUE(encrypted.documents.empty());
  Read scanned = read("scanned.pdf");
  ASSERT_EQ(scanned.errors.size(), 1u);
  EXPECT_EQ(scanned.errors[0].code, ErrorCode::kNoText);
  EXPECT_NE(scanned.errors[0].message.find("without a text layer"), std::string::npos);
}

TEST(Pdf, WithoutPdftotextTheErrorNamesThePackage) {
  std::string out, err;
  const int status = testing::run_command("PATH=/nonexistent " + std::string(SOSU_CLI_PATH) + " text " +
                                              report("ko-report.pdf").string(),
                                          &out, &err);
  EXPECT_EQ(status, 2);
  EXPECT_NE(err.find("install poppler-utils"), std::string::npos) << err;
}

TEST(Office, ProtectedAndBombsAreStoppedWithAClearError) {
  Read protected_docx = read("protected.docx");
  ASSERT_EQ(protected_docx.errors.size(), 1u);
  EXPECT_EQ(protected_docx.errors[0].code, ErrorCode::kProtected);
  Read bomb = read("zip-bomb.docx");
  ASSERT_EQ(bomb.errors.size(), 1u);
  EXPECT_EQ(bomb.errors[0].code, ErrorCode::kMarkup);
  EXPECT_NE(bomb.errors[0].message.find("zip bomb"), std::string::npos);
  EXPECT_TRUE(bomb.documents.empty());
}

TEST(Warc, EachHtmlResponseIsADocument) {
  for (const char* name : {"three.warc", "three.warc.gz"}) {
    Read r = read(name);
    ASSERT_TRUE(r.errors.empty()) << name << ": " << r.errors.front().to_string();
    ASSERT_EQ(r.documents.size(), 3u) << name;
    EXPECT_EQ(r.documents[0].id, "https://news.example.kr/a/1");
    EXPECT_EQ(r.documents[0].meta.url, "https://news.example.kr/a/1");
    EXPECT_EQ(r.documents[0].meta.date, "2024-03-15T01:21:00Z");  // the record's date: the page states none
    EXPECT_EQ(r.documents[2].id, "https://kinhtebien.example.vn/b/3");
    // The chunked response, whose chunks split a Hangul character, reads whole.
    EXPECT_NE(r.documents[1].text.find("2월 수출액은 524억달러로"), std::string::npos);
    std::uint64_t skipped = 0;
    for (const auto& [what, count] : r.stats.skipped_records) skipped += count;
    EXPECT_EQ(skipped, 4u) << name;  // warcinfo, request, the PNG response, metadata
    EXPECT_EQ(r.stats.skipped_records["request"], 1u);
    EXPECT_EQ(r.stats.skipped_records["response not HTML"], 1u);
    auto figures = figures_of(r.documents[1]);
    const Figure& exports = by_text(figures, "524억달러");
    EXPECT_EQ(exports.value->to_string(), "52400000000");
    EXPECT_EQ(exports.doc, "https://news.example.kr/a/2");
    EXPECT_EQ(exports.doc_url, "https://news.example.kr/a/2");
  }
}

TEST(Warc, ACutStreamYieldsTheRecordsBeforeItAndAnError) {
  Read r = read("truncated.warc.gz");
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].id, "https://news.example.kr/a/1");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].code, ErrorCode::kMarkup);
  EXPECT_NE(r.errors[0].message.find("the records before it were read"), std::string::npos);
}

TEST(Warc, AGzipBombStops) {
  Read r = read("gzip-bomb.warc.gz");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(r.documents.empty());
  EXPECT_NE(r.errors[0].message.find("gzip bomb"), std::string::npos) << r.errors[0].to_string();
}

TEST(ReportsCli, StatsCountDocumentsFiguresAndSkippedRecords) {
  std::string out, err;
  const int status = testing::run_command(std::string(SOSU_CLI_PATH) + " extract --stats " +
                                              report("three.warc.gz").string() + " " + report("zip-bomb.docx").string(),
                                          &out, &err);
  EXPECT_EQ(status, 2);  // the bomb
  EXPECT_NE(err.find("documents: 4 read, 3 ok, 1 failed"), std::string::npos) << err;
  EXPECT_NE(err.find("skipped WARC records: 4"), std::string::npos) << err;
  EXPECT_NE(err.find("money "), std::string::npos) << err;
}

}  // namespace
}  // namespace sosu
