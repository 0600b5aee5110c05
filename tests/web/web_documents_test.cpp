// Web documents (issue 5): HTML articles, feeds, XML and legacy encodings, read from the
// fixtures in tests/data/web (their README lists what each holds), down to the records.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace sosu {
namespace {

std::filesystem::path web(const std::string& name) { return testing::test_data_dir() / "data" / "web" / name; }

using Read = testing::ReadResult;

Read read(const std::string& name, DocumentOptions options = {}) { return testing::read_input(name, web(name), options); }

Document only(const Read& r) { return testing::only_document(r); }

std::vector<Figure> figures_of(const Document& doc) { return testing::extract_document(doc); }

const Figure& by_text(const std::vector<Figure>& figures, std::string_view text) {
  return testing::figure_by_text(figures, text);
}

std::string nfc(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out;
  icu::Normalizer2::getNFCInstance(status)
      ->normalize(icu::UnicodeString::fromUTF8(s), status)
      .toUTF8String(out);
  return out;
}

TEST(HtmlArticle, MetadataFromOpenGraphJsonLdAndLinks) {
  const Document doc = only(read("ko-article.html"));
  EXPECT_EQ(doc.meta.format, "html");
  EXPECT_EQ(doc.meta.title, "2월 취업자 32만9000명 증가…고용률 61.6% 역대 최고");
  EXPECT_EQ(doc.meta.date, "2024-03-15T10:21:00+09:00");
  EXPECT_EQ(doc.meta.url, "https://news.example.kr/article/20240315-001");
  EXPECT_EQ(doc.meta.site_name, "한빛일보");
  EXPECT_EQ(doc.meta.author, "김서연 기자");
  EXPECT_EQ(doc.meta.lang, "ko");
}

TEST(HtmlArticle, MainTextKeepsHeadlineAndBodyAndDropsFurniture) {
  const Document doc = only(read("ko-article.html"));
  EXPECT_EQ(doc.text.rfind("2월 취업자 32만9000명 증가…고용률 61.6% 역대 최고\n", 0), 0u) << doc.text;
  for (const char* kept : {"지난달 취업자는 2,834만3000명으로 1년 전보다 32만9000명 늘었다.",
                           "15세 이상 고용률은 61.6%로 전년 동월 대비 0.6%p 상승했다.",
                           "지난해 같은 달 실업률은 3.1%였다.",
                           "기획재정부 관계자는 \"제조업 취업자가 3개월 연속 늘고 있다\"며", "고용 동향 분석 기사"}) {
    EXPECT_NE(doc.text.find(kept), std::string::npos) << kept;
  }
  for (const char* dropped : {"속보 3건", "공유 1,234", "댓글 27개", "50명 넘게 감원", "4000만원 돌파",
                              "지난해 연간 취업자 32만7000명", "02-1234-5678", "© 2024", "var views", ".ranking li"}) {
    EXPECT_EQ(doc.text.find(dropped), std::string::npos) << dropped;
  }
}

TEST(HtmlArticle, AllTextKeepsTheFurniture) {
  DocumentOptions options;
  options.all_text = true;
  const Document doc = only(read("ko-article.html", options));
  EXPECT_NE(doc.text.find("댓글 27개"), std::string::npos);
  EXPECT_NE(doc.text.find("02-1234-5678"), std::string::npos);
  EXPECT_EQ(doc.text.find("var views"), std::string::npos);  // scripts are never text
}

TEST(HtmlArticle, TableCellsTakeRowHeadersUnitLineAndColumnTimes) {
  const Document doc = only(read("ko-article.html"));
  ASSERT_EQ(doc.cells.size(), 13u);
  auto figures = figures_of(doc);
  const Figure& youth_2023 = by_text(figures, "3,812");
  EXPECT_EQ(youth_2023.kind, Kind::kCount);
  EXPECT_EQ(youth_2023.value->to_string(), "3812000");  // (단위: 천명)
  EXPECT_EQ(youth_2023.unit, "명");
  EXPECT_EQ(youth_2023.subject, "15~29세");
  ASSERT_TRUE(youth_2023.time.has_value());
  EXPECT_EQ(youth_2023.time->text, "2023년 2월");
  EXPECT_EQ(youth_2023.time->date, "2023-02");
  EXPECT_EQ(by_text(figures, "-52").value->to_string(), "-52000");
  EXPECT_EQ(by_text(figures, "297").subject, "60세 이상");
  // Table B has no unit line: its cells keep their own units.
  const Figure& seoul = by_text(figures, "5,231천명");
  EXPECT_EQ(seoul.value->to_string(), "5231000");
  EXPECT_EQ(seoul.subject, "서울");
  EXPECT_EQ(by_text(figures, "57.3%").subject, "부산");
  // The cell's text is where the record points.
  const Figure& cell = by_text(figures, "5,359");
  EXPECT_EQ(doc.text.substr(cell.byte_start, cell.byte_end - cell.byte_start), "5,359");
}

TEST(HtmlArticle, RecordsCarryTheDocumentAndResolveAgainstItsDate) {
  const Document doc = only(read("ko-article.html"));
  auto figures = figures_of(doc);
  const Figure& rate = by_text(figures, "3.1%");
  EXPECT_EQ(rate.doc, "ko-article.html");
  EXPECT_EQ(rate.doc_url, "https://news.example.kr/article/20240315-001");
  EXPECT_EQ(rate.doc_date, "2024-03-15T10:21:00+09:00");
  ASSERT_TRUE(rate.time.has_value());
  EXPECT_EQ(rate.time->date, "2023");  // 지난해, from an article of 2024-03-15
  EXPECT_EQ(by_text(figures, "오는 21일").date, "2024-03-21");
  EXPECT_EQ(by_text(figures, "지난달").date, "2024-02");
  // The date line's clock time is no figure.
  for (const Figure& f : figures) EXPECT_NE(f.text, "10") << "the 10 of 10:21";
}

TEST(HtmlArticle, VietnameseBodyInArticleBodyWithHeadlineFirstAndAUnitLine) {
  const Document doc = only(read("vi-article.html"));
  EXPECT_EQ(doc.meta.date, "2024-05-14T09:15:00+07:00");
  EXPECT_EQ(doc.meta.site_name, "Báo Kinh tế Biển");
  EXPECT_EQ(doc.meta.author, "Nguyễn Thu Hà");
  EXPECT_EQ(doc.text.rfind("Quảng Ninh: Xuất khẩu 4 tháng tăng 12,4%\n", 0), 0u);
  for (const char* dropped : {"Video 24h", "Tin liên quan", "Hải Phòng thu hút 1,5 tỷ USD", "Bình luận (12)",
                              "Hotline: 0912 345 678", "123/GP-BTTTT", "var pageId"}) {
    EXPECT_EQ(doc.text.find(dropped), std::string::npos) << dropped;
  }
  auto figures = figures_of(doc);
  const Figure& domestic = by_text(figures, "12.450");  // the table cell, after the body's "12.450 tỷ đồng"
  EXPECT_EQ(domestic.kind, Kind::kMoney);
  EXPECT_EQ(domestic.value->to_string(), "12450000000000");  // Đơn vị: tỷ đồng
  EXPECT_EQ(domestic.unit, "VND");
  EXPECT_EQ(domestic.subject, "Thu nội địa");
  EXPECT_EQ(domestic.time->date, "2023");
  const Figure& april = by_text(figures, "3,1%");
  ASSERT_TRUE(april.time.has_value());
  EXPECT_EQ(april.value->to_string(), "3.1");
}

TEST(HtmlArticle, DensityFindsTheBodyWithoutArticleMarkup) {
  const Document doc = only(read("density-only.html"));
  EXPECT_EQ(doc.meta.date, "2024-06-02T08:00:00+09:00");
  EXPECT_NE(doc.text.find("잠실역이 하루 14만3000명으로"), std::string::npos);
  for (const char* dropped : {"많이 본 뉴스", "따릉이 요금 1000원 유지", "장미축제 방문객 30만명", "02-987-6543", "회원가입"}) {
    EXPECT_EQ(doc.text.find(dropped), std::string::npos) << dropped;
  }
}

TEST(HtmlArticle, BrokenMarkupStillGivesItsText) {
  const Document doc = only(read("broken.html"));
  EXPECT_EQ(doc.meta.title, "구민 걷기대회 성황리 개최");
  EXPECT_EQ(doc.text.find("구민 걷기대회 성황리 개최"), doc.text.rfind("구민 걷기대회 성황리 개최"));  // once
  auto figures = figures_of(doc);
  EXPECT_EQ(by_text(figures, "1,250명").value->to_string(), "1250");
  EXPECT_EQ(by_text(figures, "3억5000만원").value->to_string(), "350000000");
  EXPECT_EQ(doc.text.find("02-555-0101"), std::string::npos);
}

TEST(HtmlArticle, DeclaredEucKrIsReadAsCp949) {
  const Document doc = only(read("ko-euckr-meta.html"));
  EXPECT_EQ(doc.meta.encoding, "CP949");
  auto figures = figures_of(doc);
  EXPECT_EQ(by_text(figures, "1조2450억원").value->to_string(), "1245000000000");
  EXPECT_EQ(by_text(figures, "3,870억원").unit, "KRW");
}

TEST(Feeds, RssItemsAreDocumentsWithTheirIdsDatesAndBodies) {
  Read r = read("feed-rss.xml");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.documents.size(), 3u);
  EXPECT_EQ(r.documents[0].id, "hanbit-2024-0315-01");
  EXPECT_EQ(r.documents[0].meta.date, "2024-03-15T10:21:00+09:00");
  EXPECT_EQ(r.documents[0].meta.url, "https://news.example.kr/article/20240315-001");
  EXPECT_EQ(r.documents[1].id, "https://news.example.kr/article/20240311-014");  // no guid: the link
  EXPECT_EQ(r.documents[1].meta.date, "2024-03-11T09:05:00+09:00");
  EXPECT_NE(r.documents[1].text.find("반도체 수출은 \"회복세\"가 뚜렷해 38.2% 증가했다."), std::string::npos);
  EXPECT_EQ(r.documents[2].meta.date, "2024-05-14T09:15:00+07:00");  // dc:date
  auto figures = figures_of(r.documents[0]);
  EXPECT_EQ(by_text(figures, "3.1%").time->date, "2023");  // 지난해 of a 2024 item
  EXPECT_EQ(by_text(figures, "오는 21일").date, "2024-03-21");
  EXPECT_EQ(by_text(figures, "3.1%").doc, "hanbit-2024-0315-01");
}

TEST(Feeds, AtomEntries) {
  Read r = read("feed-atom.xml");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.documents.size(), 2u);
  EXPECT_EQ(r.documents[0].id, "tag:kinhtebien.example.vn,2024-05-13:post/20240513-088");
  EXPECT_EQ(r.documents[0].meta.date, "2024-05-13T16:40:00+07:00");
  EXPECT_EQ(r.documents[1].meta.author, "Báo Kinh tế Biển");  // the feed's author
  auto figures = figures_of(r.documents[0]);
  EXPECT_EQ(by_text(figures, "4.925 doanh nghiệp").value->to_string(), "4925");
  EXPECT_EQ(by_text(figures, "21.340 tỷ đồng").value->to_string(), "21340000000000");
}

TEST(Feeds, ABrokenFeedYieldsTheItemsBeforeTheFaultAndAnError) {
  Read r = read("broken-feed.xml");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].code, ErrorCode::kMarkup);
  EXPECT_EQ(r.errors[0].byte_offset, 1551u);
  ASSERT_TRUE(r.errors[0].line_col.has_value());
  EXPECT_EQ(r.errors[0].line_col->line, 22u);
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].id, "hanbit-2024-0315-01");
}

TEST(Xml, AllTextOrWhatXpathSelects) {
  const Document all = only(read("newsml.xml"));
  EXPECT_EQ(all.meta.title, "2024년 2월 고용동향 요약");
  EXPECT_EQ(all.meta.date, "2024-03-15");
  EXPECT_NE(all.text.find("표본 규모는 3만6000가구"), std::string::npos);
  DocumentOptions options;
  options.xpath = "//body//p";
  const Document paragraphs = only(read("newsml.xml", options));
  EXPECT_EQ(paragraphs.text.find("표본 규모"), std::string::npos);
  EXPECT_EQ(paragraphs.text.find("개요"), std::string::npos);
  EXPECT_EQ(paragraphs.text.rfind("2월 취업자는 2,834만3000명으로 전년 동월 대비 32만9000명 증가했다.\n", 0), 0u);
  options.xpath = "//body[";
  Read bad = read("newsml.xml", options);
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].code, ErrorCode::kUsage);
}

TEST(Xml, EntitiesAreNeverExpandedNorFetched) {
  const auto started = std::chrono::steady_clock::now();
  const Document bomb = only(read("entity-bomb.xml"));
  const Document external = only(read("external-entity.xml"));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  EXPECT_EQ(bomb.text.find("lollol"), std::string::npos);
  EXPECT_NE(bomb.text.find("참가자 1,250명"), std::string::npos);
  EXPECT_EQ(external.text.find("root:"), std::string::npos);
  EXPECT_NE(external.text.find("예산 3억원"), std::string::npos);
}

TEST(Encodings, LegacyFilesAreDetectedAndDecoded) {
  const std::pair<const char*, const char*> kFiles[] = {
      {"ko-euckr", "CP949"},          {"vi-cp1258", "CP1258"},         {"vi-viscii", "VISCII"},
      {"vi-tcvn", "TCVN5712-1"},      {"ko-utf16le-bom", "UTF-16LE"}, {"vi-utf16be-bom", "UTF-16BE"}};
  for (const auto& [stem, encoding] : kFiles) {
    const Document doc = only(read(std::string(stem) + ".txt"));
    EXPECT_EQ(doc.meta.encoding, encoding) << stem;
    EXPECT_EQ(nfc(doc.text), nfc(testing::read_file(web(std::string(stem) + ".utf8.txt")))) << stem;
  }
}

TEST(Encodings, FiguresOfALegacyFileHaveOffsetsIntoTheDecodedText) {
  const Document doc = only(read("ko-euckr.txt"));
  auto figures = figures_of(doc);
  const Figure& price = by_text(figures, "1만1692원");
  EXPECT_EQ(price.value->to_string(), "11692");
  EXPECT_EQ(testing::slice_code_points(doc.text, price.start, price.end), "1만1692원");
  const Document viscii = only(read("vi-viscii.txt"));
  EXPECT_EQ(by_text(figures_of(viscii), "21.340 tỷ đồng").value->to_string(), "21340000000000");
}

TEST(Encodings, BadBytesNameTheirOffset) {
  Read guessed = read("bad-cp949.txt");
  ASSERT_EQ(guessed.errors.size(), 1u);
  EXPECT_EQ(guessed.errors[0].code, ErrorCode::kEncoding);
  EXPECT_EQ(guessed.errors[0].byte_offset, 55u);
  EXPECT_NE(guessed.errors[0].message.find("81 20"), std::string::npos);
  EXPECT_TRUE(guessed.documents.empty());
  DocumentOptions options;
  options.encoding = "klingon";
  Read unknown = read("ko-euckr.txt", options);
  ASSERT_EQ(unknown.errors.size(), 1u);
  EXPECT_NE(unknown.errors[0].message.find("unknown encoding 'klingon'"), std::string::npos);
  options.encoding = "euc-kr";
  EXPECT_EQ(only(read("ko-euckr.txt", options)).meta.encoding, "CP949");
}

TEST(Encodings, EmptyAndBinaryInputs) {
  Read empty;
  empty.errors = read_documents_from_bytes("empty.html", "", {}, [&](const Document& d) {
    empty.documents.push_back(d);
    return true;
  });
  EXPECT_TRUE(empty.errors.empty());
  EXPECT_TRUE(empty.documents.empty());
  std::vector<Error> binary = read_documents_from_bytes("image.html", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), {},
                                                        [](const Document&) { return true; });
  ASSERT_EQ(binary.size(), 1u);
  EXPECT_EQ(binary[0].code, ErrorCode::kBinaryFile);
  EXPECT_EQ(binary[0].byte_offset, 8u);
}

TEST(UnitLines, AUnitLineScalesTheBareNumbersUpToTheBlankLine) {
  auto figures = testing::extract("(단위: 억원)\n국세\n1,234\n지방세\n567\n\n올해 89개 사업을 벌인다.\n");
  const Figure& tax = by_text(figures, "1,234");
  EXPECT_EQ(tax.kind, Kind::kMoney);
  EXPECT_EQ(tax.value->to_string(), "123400000000");
  EXPECT_EQ(tax.unit, "KRW");
  EXPECT_EQ(by_text(figures, "567").value->to_string(), "56700000000");
  EXPECT_EQ(by_text(figures, "89개").value->to_string(), "89");
  auto vi = testing::extract("Đơn vị: triệu đồng\nThu ngân sách\n1.250,5\n");
  EXPECT_EQ(by_text(vi, "1.250,5").value->to_string(), "1250500000");
}

// A table's title may end in its unit line; a sentence ending in another parenthesis does not.
TEST(UnitLines, ATitleMayEndInTheUnitLine) {
  auto figures = testing::extract("[표] 시도별 인구 (단위: 천명)\n서울 9,386\n부산 3,293\n");
  EXPECT_EQ(by_text(figures, "9,386").kind, Kind::kCount);
  EXPECT_EQ(by_text(figures, "9,386").value->to_string(), "9386000");
  EXPECT_EQ(by_text(figures, "3,293").unit, "명");
  auto remark = testing::extract("실업자는 크게 줄었다 (통계청 발표)\n서울 9,386\n");
  EXPECT_EQ(by_text(remark, "9,386").kind, Kind::kNumber);
}

TEST(UnitLines, AUnitInAColumnHeaderScalesThatColumn) {
  const std::string page =
      "<html lang=ko><body><article><h1>시도별 고용</h1><p>시도별 취업자와 고용률은 다음과 같다.</p>"
      "<table><tr><th>지역</th><th>취업자(천명)</th><th>고용률(%)</th></tr>"
      "<tr><th>서울</th><td>5,231</td><td>62.1</td></tr><tr><th>부산</th><td>1,667</td><td>57.3</td></tr>"
      "</table></article></body></html>";
  std::vector<Document> docs;
  ASSERT_TRUE(read_documents_from_bytes("table.html", page, {}, [&](const Document& d) {
                docs.push_back(d);
                return true;
              }).empty());
  ASSERT_EQ(docs.size(), 1u);
  auto figures = figures_of(docs[0]);
  const Figure& seoul = by_text(figures, "5,231");
  EXPECT_EQ(seoul.kind, Kind::kCount);
  EXPECT_EQ(seoul.value->to_string(), "5231000");
  EXPECT_EQ(seoul.subject, "서울");
  const Figure& busan_rate = by_text(figures, "57.3");
  EXPECT_EQ(busan_rate.kind, Kind::kPercent);
  EXPECT_EQ(busan_rate.value->to_string(), "57.3");
  EXPECT_EQ(busan_rate.subject, "부산");
}

// RECORD.md's invariant for every reader: the document text sliced at a record's offsets,
// in code points and in bytes, is the record's text.
TEST(WebDocuments, EveryRecordPointsIntoItsDocumentText) {
  for (const char* name : {"ko-article.html", "vi-article.html", "density-only.html", "broken.html",
                           "ko-euckr-meta.html", "feed-rss.xml", "feed-atom.xml", "newsml.xml", "ko-euckr.txt",
                           "vi-cp1258.txt", "vi-viscii.txt", "vi-tcvn.txt", "ko-utf16le-bom.txt", "vi-utf16be-bom.txt"}) {
    Read r = read(name);
    ASSERT_FALSE(r.documents.empty()) << name;
    std::size_t records = 0;
    for (const Document& doc : r.documents) {
      for (const Figure& f : figures_of(doc)) {
        ++records;
        EXPECT_EQ(testing::slice_code_points(doc.text, f.start, f.end), f.text) << name;
        EXPECT_EQ(doc.text.substr(f.byte_start, f.byte_end - f.byte_start), f.text) << name;
      }
    }
    EXPECT_GT(records, 0u) << name;
  }
}

TEST(WebCli, ExtractAndTextOverAFeedAndABrokenOne) {
  std::string out, err;
  int status = testing::run_command(std::string(SOSU_CLI_PATH) + " text --json " + web("feed-rss.xml").string() + " " +
                                        web("broken-feed.xml").string(),
                                    &out, &err);
  EXPECT_EQ(status, 2);  // the broken feed
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 4);  // three items, and the first of the broken feed
  EXPECT_NE(err.find("broken-feed.xml: byte 1551 (line 22"), std::string::npos) << err;
  status = testing::run_command(std::string(SOSU_CLI_PATH) + " extract " + web("ko-article.html").string(), &out, &err);
  EXPECT_EQ(status, 0) << err;
  nlohmann::json first = nlohmann::json::parse(out.substr(0, out.find('\n')));
  EXPECT_EQ(first["doc_url"], "https://news.example.kr/article/20240315-001");
  EXPECT_EQ(first["doc_title"], "2월 취업자 32만9000명 증가…고용률 61.6% 역대 최고");
  EXPECT_EQ(first["doc_date"], "2024-03-15T10:21:00+09:00");
}

}  // namespace
}  // namespace sosu
