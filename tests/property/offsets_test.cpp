// RECORD.md's invariant over every test document: the document text sliced at [start, end)
// in code points and at [byte_start, byte_end) in bytes equals the record's text.
#include <gtest/gtest.h>

#include <random>

#include "test_support.h"

namespace sosu {
namespace {

namespace fs = std::filesystem;

struct NamedDocument {
  std::string name;
  std::string text;
};

std::string repeat(const std::string& s, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += s;
  return out;
}

// Text that stresses the offset map: a BOM, CRLF, full-width digits and signs, NBSP and
// thin spaces, decomposed Hangul jamo and Vietnamese tone marks, emoji outside the BMP.
std::vector<NamedDocument> adversarial_documents() {
  return {
      {"bom", "\xEF\xBB\xBF" "당원 1,061명을 받아들였다.\n"},
      {"crlf", "기층당 조직이 725개 있다.\r\n당 세포가 4,925개다.\r\n"},
      {"fullwidth", "참가 업체는 １，２５０곳, 비율은 ９１．７％ 이상이다.\n"},
      {"spaces", "학생\u00A0283명, 교사\u200912명, 2021\u20132023년, 2020\uFF5E2025년\n"},
      {"nfd_hangul", "\u1100\u1175\u110E\u1173\u11BC\u1103\u1161\u11BC 조직이 725개 있었다.\n"},
      {"nfd_vietnamese", "To\u0300n ti\u0309nh co\u0301 725 to\u0309 ch\u01B0\u0301c. 당원 770명.\n"},
      {"emoji", "\U0001F4C8 성장률 3.2% 이상 \U0001F4CA 학생 283명 \U0001F600\n"},
      {"tabs_and_blank_lines", "\t당원\t1,061명\n\n\n\t\t2024년 6월 16일\n"},
      {"one_long_line", std::string(3000, ' ') + "당원 5명 " + repeat("가나다라 ", 1000) + "세포 9개"},
  };
}

std::vector<NamedDocument> all_documents() {
  std::vector<NamedDocument> docs = adversarial_documents();
  for (const auto& entry : fs::recursive_directory_iterator(testing::source_dir() / "corpora")) {
    if (entry.path().extension() == ".txt") docs.push_back({entry.path().string(), testing::read_file(entry.path())});
  }
  fs::path seed = testing::shared_dir() / "seed" / "quang-ninh-party-building.ko.txt";
  if (fs::exists(seed)) docs.push_back({"seed", testing::read_file(seed)});
  return docs;
}

void expect_offsets_hold(const NamedDocument& doc, const std::vector<Figure>& figures) {
  for (const Figure& f : figures) {
    ASSERT_LE(f.byte_end, doc.text.size()) << doc.name;
    EXPECT_EQ(doc.text.substr(f.byte_start, f.byte_end - f.byte_start), f.text) << doc.name << ": bytes";
    EXPECT_EQ(testing::slice_code_points(doc.text, f.start, f.end), f.text) << doc.name << ": code points";
  }
}

TEST(Offsets, HoldForEveryRecordOfEveryTestDocument) {
  std::size_t records = 0;
  for (const NamedDocument& doc : all_documents()) {
    std::vector<Figure> figures = testing::extract(doc.text);
    expect_offsets_hold(doc, figures);
    records += figures.size();
  }
  EXPECT_GT(records, 60u);
}

TEST(Offsets, AdversarialDocumentsStillYieldTheirFigures) {
  for (const NamedDocument& doc : adversarial_documents()) {
    EXPECT_FALSE(testing::extract(doc.text).empty()) << doc.name;
  }
  auto fullwidth = testing::extract(adversarial_documents()[2].text);
  ASSERT_EQ(fullwidth.size(), 2u);
  EXPECT_EQ(fullwidth[1].text, "９１．７％ 이상");
  EXPECT_EQ(fullwidth[1].value->to_string(), "91.7");
  EXPECT_EQ(fullwidth[1].qualifier, "at_least");
}

TEST(Offsets, HoldWhenDocumentsAreReadInSmallPieces) {
  Extractor ex = ExtractorBuilder().packs(testing::project_packs()).build();
  for (std::size_t piece_bytes : {16u, 100u, 997u}) {
    for (const NamedDocument& doc : all_documents()) {
      CollectingSink sink;
      DocumentCursor cursor;
      ReadOptions options;
      options.max_piece_bytes = piece_bytes;
      split_pieces(doc.text, options, [&](const TextPiece& p) { return ex.run_piece(doc.name, p, cursor, sink); });
      expect_offsets_hold(doc, sink.figures);
    }
  }
}

TEST(Offsets, HoldOnRandomMixturesOfTrickyCharacters) {
  const std::vector<std::string> atoms = {
      "당원 ", "1,061명", "３２개", "９１．７％", "\u00A0", "\u2009", "\u1100\u1161", "a\u0300", "\U0001F600",
      "2021\u20132023년", " 이상", ". ", "\n", "\n\n", "\xEF\xBB\xBF", "(", ")", "4.925", "đ", "\r\n"};
  std::mt19937 rng(20261127);
  std::uniform_int_distribution<std::size_t> pick(0, atoms.size() - 1);
  for (int round = 0; round < 300; ++round) {
    NamedDocument doc{"random-" + std::to_string(round), ""};
    for (int i = 0; i < 40; ++i) doc.text += atoms[pick(rng)];
    expect_offsets_hold(doc, testing::extract(doc.text));
  }
}

TEST(Normalize, IsIdempotent) {
  for (const NamedDocument& doc : all_documents()) {
    std::string once = normalize(doc.text).text;
    EXPECT_EQ(normalize(once).text, once) << doc.name;
  }
}

}  // namespace
}  // namespace sosu
