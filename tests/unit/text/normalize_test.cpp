// sosu::normalize (folding and NFC with maps back to the source) and sosu::OffsetMap.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "sosu/text.h"
#include "text/utf8.h"

namespace sosu {
namespace {

// The source bytes a span of the normalised text maps back to.
std::string source_of(const NormalizedText& nt, std::string_view source, std::size_t start, std::size_t end) {
  std::size_t s = nt.to_source_start(start);
  std::size_t e = nt.to_source_end(end);
  if (s > e || e > source.size()) return "<bad span>";
  return std::string(source.substr(s, e - s));
}

// The source bytes that the first occurrence of `needle` in the normalised text maps to.
std::string source_of(const NormalizedText& nt, std::string_view source, std::string_view needle) {
  std::size_t at = nt.text.find(needle);
  if (at == std::string::npos) return "<not found>";
  return source_of(nt, source, at, at + needle.size());
}

std::vector<std::size_t> code_point_boundaries(std::string_view text) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || !internal::is_continuation(static_cast<unsigned char>(text[i]))) out.push_back(i);
  }
  return out;
}

TEST(Normalize, FoldsFullWidthDigitsAndSigns) {
  EXPECT_EQ(normalize("９１．７％").text, "91.7%");
  EXPECT_EQ(normalize("１，２３４명").text, "1,234명");
  EXPECT_EQ(normalize("＋５ －３ ０").text, "+5 -3 0");
  EXPECT_EQ(normalize("２０２４년 ９１．７％").text, "2024년 91.7%");
}

TEST(Normalize, FoldsUnusualSpacesToSpace) {
  // NBSP, thin space, narrow NBSP, ideographic space, em space.
  EXPECT_EQ(normalize("4\u00A0925").text, "4 925");
  EXPECT_EQ(normalize("a\u2009b\u202Fc\u3000d\u2003e").text, "a b c d e");
}

TEST(Normalize, FoldsDashesMinusAndTildes) {
  EXPECT_EQ(normalize("2021\u20132023").text, "2021-2023");  // en dash
  EXPECT_EQ(normalize("a\u2014b").text, "a-b");              // em dash
  EXPECT_EQ(normalize("\u22125.3%").text, "-5.3%");          // minus sign
  EXPECT_EQ(normalize("a\u2010b\u2012c\u2015d").text, "a-b-c-d");
  EXPECT_EQ(normalize("3\uFF5E5%").text, "3~5%");            // full-width tilde
  EXPECT_EQ(normalize("3\u301C5%").text, "3~5%");            // wave dash
  EXPECT_EQ(normalize("3\u223C5%").text, "3~5%");            // tilde operator
}

TEST(Normalize, LeavesOtherCharactersAlone) {
  // Same lead bytes as folded characters (E2 82 AC, E3 80 82, EF BC 88, C2 B7) but not folded.
  const std::string text = "€ 100。（주）·";
  NormalizedText nt = normalize(text);
  EXPECT_EQ(nt.text, text);
  EXPECT_TRUE(nt.fold_map.empty());
  EXPECT_TRUE(nt.nfc_map.empty());
}

TEST(Normalize, ComposesDecomposedVietnamese) {
  NormalizedText nt = normalize("ho\u0300a");
  EXPECT_EQ(nt.text, "h\u00F2a");  // hòa
  EXPECT_EQ(nt.text.size(), 4u);
  EXPECT_TRUE(nt.fold_map.empty());
  EXPECT_FALSE(nt.nfc_map.empty());

  // ệ as e + dot below + circumflex, ơ as o + horn.
  EXPECT_EQ(normalize("Vie\u0323\u0302t Nam, tho\u031B\u0300i gian").text, "Vi\u1EC7t Nam, th\u1EDDi gian");
  // Combining marks out of canonical order are reordered before composing.
  EXPECT_EQ(normalize("e\u0302\u0323").text, "\u1EC7");
}

// Long composed text is passed over 32 bytes at a time: what needs composing or folding is
// found wherever it stands, at the start, inside a block, across blocks and in the tail.
TEST(Normalize, FindsWhatNeedsWorkAnywhereInALongText) {
  const std::string plain = "기층당 조직은 4,925개로 2020년 초보다 3.2% 이상 늘었다. Toàn tỉnh có 725 tổ chức cơ sở đảng. ";
  const std::vector<std::pair<std::string, std::string>> needs = {
      {"ho\u0300a", "h\u00F2a"},  // a combining grave: NFC composes it
      {"\uAC00\u11A8", "\uAC01"},  // 가 and a trailing jamo: 각
      {"\u2126", "\u03A9"},         // OHM SIGN: NFC maps it to Ω
      {"\uFF15\uFF10", "50"},       // full-width digits fold
      {"tho\u00E0", "th\u00F2a"},   // an old tone placement moves
  };
  for (const auto& [input, output] : needs) {
    for (std::size_t before = 0; before <= plain.size(); ++before) {
      if (before > 0 && plain[before - 1] != ' ') continue;  // whole words before it
      const std::string head = plain.substr(0, before);
      const std::string text = head + input + " " + plain + plain;
      EXPECT_EQ(normalize(text).text, head + output + " " + plain + plain) << input << " after " << before << " bytes";
    }
  }
}

TEST(Normalize, KeepsCompatibilityJamoAndHangul) {
  // NFC, not NFKC: compatibility jamo and the parenthesised ㈜ stay.
  const std::string text = "ㄱㄴ ㈜ 한글";
  EXPECT_EQ(normalize(text).text, text);
}

TEST(Normalize, AlreadyNormalTextIsUnchangedAndMapsIdentically) {
  const std::string text = "전 성에는 기층당 조직이 725개 있었다. Toàn tỉnh có 91,7% tổ chức.";
  NormalizedText nt = normalize(text);
  EXPECT_EQ(nt.text, text);
  EXPECT_TRUE(nt.fold_map.empty());
  EXPECT_TRUE(nt.nfc_map.empty());
  for (std::size_t i = 0; i <= text.size(); ++i) {
    EXPECT_EQ(nt.to_source_start(i), i);
    EXPECT_EQ(nt.to_source_end(i), i);
  }
}

TEST(Normalize, EmptyText) {
  NormalizedText nt = normalize("");
  EXPECT_EQ(nt.text, "");
  EXPECT_EQ(nt.to_source_start(0), 0u);
  EXPECT_EQ(nt.to_source_end(0), 0u);
}

TEST(Normalize, MapsAFoldedFigureBackToItsSourceCharacters) {
  const std::string source = "수치는 ９１．７％ 이다";
  NormalizedText nt = normalize(source);
  ASSERT_EQ(nt.text, "수치는 91.7% 이다");
  // "수치는 " is 10 bytes; "91.7%" is [10, 15) and "９１．７％" is [10, 25).
  EXPECT_EQ(nt.text.find("91.7%"), 10u);
  EXPECT_EQ(nt.to_source_start(10), 10u);
  EXPECT_EQ(nt.to_source_end(15), 25u);
  EXPECT_EQ(source_of(nt, source, "91.7%"), "９１．７％");
  // Text after the change is shifted by the 10 bytes the fold saved.
  EXPECT_EQ(nt.to_source_start(16), 26u);
  EXPECT_EQ(source_of(nt, source, "이다"), "이다");
  EXPECT_EQ(source_of(nt, source, "수치는"), "수치는");
  EXPECT_EQ(source_of(nt, source, 0, nt.text.size()), source);
}

TEST(Normalize, MapsAComposedWordBackToItsDecomposedSource) {
  const std::string source = "Tỷ lệ ho\u0300a 91,7%";
  NormalizedText nt = normalize(source);
  ASSERT_EQ(nt.text, "Tỷ lệ h\u00F2a 91,7%");
  EXPECT_EQ(source_of(nt, source, "h\u00F2a"), "ho\u0300a");
  EXPECT_EQ(source_of(nt, source, "\u00F2"), "o\u0300");
  EXPECT_EQ(source_of(nt, source, "a 91,7%"), "a 91,7%");
  EXPECT_EQ(source_of(nt, source, "91,7%"), "91,7%");
}

TEST(Normalize, MapsThroughBothFoldingAndComposition) {
  // A full-width figure, an NBSP and a decomposed word in one text: both maps apply.
  const std::string source = "tăng ５，２％ so\u00A0với năm ngoa\u0301i";
  NormalizedText nt = normalize(source);
  ASSERT_EQ(nt.text, "tăng 5,2% so với năm ngoái");
  EXPECT_EQ(source_of(nt, source, "5,2%"), "５，２％");
  EXPECT_EQ(source_of(nt, source, "ngoái"), "ngoa\u0301i");
  EXPECT_EQ(source_of(nt, source, "so với"), "so\u00A0với");
  EXPECT_EQ(source_of(nt, source, "5,2% so"), "５，２％ so");
  EXPECT_EQ(source_of(nt, source, "với năm"), "với năm");
}

// Every span of the normalised text maps to a source slice on code point boundaries whose
// own normalisation contains the span's text: a span never cuts a source character.
TEST(Normalize, EverySpanMapsToWholeSourceCharacters) {
  const std::string source = "당원 ４，９２５명\u2009(９１．７％) — Vie\u0323\u0302t ho\u0300a ３～５ 2021\u20132023";
  NormalizedText nt = normalize(source);
  ASSERT_EQ(nt.text, "당원 4,925명 (91.7%) - Việt hòa 3~5 2021-2023");
  std::vector<std::size_t> target_bounds = code_point_boundaries(nt.text);
  std::vector<std::size_t> source_bounds = code_point_boundaries(source);
  auto is_source_boundary = [&](std::size_t at) {
    return std::binary_search(source_bounds.begin(), source_bounds.end(), at);
  };
  for (std::size_t i = 0; i < target_bounds.size(); ++i) {
    for (std::size_t j = i + 1; j < target_bounds.size(); ++j) {
      std::size_t a = target_bounds[i], b = target_bounds[j];
      std::size_t s = nt.to_source_start(a), e = nt.to_source_end(b);
      ASSERT_LE(s, e) << a << ".." << b;
      ASSERT_LE(e, source.size()) << a << ".." << b;
      ASSERT_TRUE(is_source_boundary(s)) << a << ".." << b << " -> " << s;
      ASSERT_TRUE(is_source_boundary(e)) << a << ".." << b << " -> " << e;
      std::string renormalized = normalize(source.substr(s, e - s)).text;
      ASSERT_NE(renormalized.find(nt.text.substr(a, b - a)), std::string::npos)
          << "[" << a << "," << b << ") '" << nt.text.substr(a, b - a) << "' -> '" << source.substr(s, e - s)
          << "'";
    }
  }
}

TEST(Normalize, IsIdempotent) {
  const std::string source = "２０２４년 ９１．７％ Vie\u0323\u0302t\u00A0Nam ３〜５";
  std::string once = normalize(source).text;
  NormalizedText twice = normalize(once);
  EXPECT_EQ(twice.text, once);
  EXPECT_TRUE(twice.fold_map.empty());
  EXPECT_TRUE(twice.nfc_map.empty());
}

// Library bug: OffsetMap::add_change merges touching changes, and fold() records one change
// per folded code point, so a run of folded characters becomes one stretch and a span of
// part of it maps back to the whole run: "12%" in "１２％～１５％" maps to all 21 source
// bytes instead of "１２％". Enable once fold changes keep their own boundaries.
TEST(Normalize, MapsPartOfAFoldedRunToItsOwnCharacters) {
  const std::string source = "１２％～１５％";
  NormalizedText nt = normalize(source);
  ASSERT_EQ(nt.text, "12%~15%");
  EXPECT_EQ(source_of(nt, source, 0, 3), "１２％");
  EXPECT_EQ(source_of(nt, source, 4, 7), "１５％");
  // A folded space next to a folded sign joins the run as well.
  const std::string nbsp = "５，２％\u00A0so";
  NormalizedText nt3 = normalize(nbsp);
  ASSERT_EQ(nt3.text, "5,2% so");
  EXPECT_EQ(source_of(nt3, nbsp, 0, 4), "５，２％");
  const std::string spaced = "１２３\u3000４５６";
  NormalizedText nt2 = normalize(spaced);
  ASSERT_EQ(nt2.text, "123 456");
  EXPECT_EQ(source_of(nt2, spaced, 0, 3), "１２３");
  EXPECT_EQ(source_of(nt2, spaced, 4, 7), "４５６");
}

// ---------------------------------------------------------------------------------------
// OffsetMap

TEST(OffsetMap, EmptyMapIsTheIdentity) {
  OffsetMap map;
  EXPECT_TRUE(map.empty());
  for (std::size_t i = 0; i < 20; ++i) {
    EXPECT_EQ(map.to_source_start(i), i);
    EXPECT_EQ(map.to_source_end(i), i);
  }
}

TEST(OffsetMap, ShrinkingChangeLikeAFoldedCharacter) {
  // Source "ab％cd": bytes [2,5) became the single byte [2,3) of "ab%cd".
  OffsetMap map;
  map.add_change(2, 3, 2, 1);
  EXPECT_FALSE(map.empty());
  EXPECT_EQ(map.to_source_start(0), 0u);
  EXPECT_EQ(map.to_source_start(1), 1u);
  EXPECT_EQ(map.to_source_start(2), 2u);
  EXPECT_EQ(map.to_source_start(3), 5u);
  EXPECT_EQ(map.to_source_start(4), 6u);
  EXPECT_EQ(map.to_source_end(1), 1u);
  EXPECT_EQ(map.to_source_end(2), 2u);  // an end at the change's start stays before it
  EXPECT_EQ(map.to_source_end(3), 5u);
  EXPECT_EQ(map.to_source_end(5), 7u);
}

TEST(OffsetMap, ExpansionMapsEveryInnerOffsetToTheWholeSourceCharacter) {
  // Source byte [1,2) became target bytes [1,4).
  OffsetMap map;
  map.add_change(1, 1, 1, 3);
  EXPECT_EQ(map.to_source_start(0), 0u);
  EXPECT_EQ(map.to_source_start(1), 1u);
  EXPECT_EQ(map.to_source_start(2), 1u);
  EXPECT_EQ(map.to_source_start(3), 1u);
  EXPECT_EQ(map.to_source_start(4), 2u);
  EXPECT_EQ(map.to_source_start(6), 4u);
  EXPECT_EQ(map.to_source_end(1), 1u);
  EXPECT_EQ(map.to_source_end(2), 2u);
  EXPECT_EQ(map.to_source_end(3), 2u);
  EXPECT_EQ(map.to_source_end(4), 2u);
  EXPECT_EQ(map.to_source_end(5), 3u);
}

TEST(OffsetMap, Deletion) {
  // Source bytes [3,5) were dropped: target 3 is source 5.
  OffsetMap map;
  map.add_change(3, 2, 3, 0);
  EXPECT_EQ(map.to_source_start(2), 2u);
  EXPECT_EQ(map.to_source_start(3), 5u);
  EXPECT_EQ(map.to_source_start(4), 6u);
  EXPECT_EQ(map.to_source_end(3), 3u);  // a span ending before the deleted bytes excludes them
  EXPECT_EQ(map.to_source_end(4), 6u);
  EXPECT_EQ(map.to_source_end(6), 8u);
}

TEST(OffsetMap, Insertion) {
  // Target bytes [2,4) were inserted before source byte 2.
  OffsetMap map;
  map.add_change(2, 0, 2, 2);
  EXPECT_EQ(map.to_source_start(1), 1u);
  EXPECT_EQ(map.to_source_start(2), 2u);
  EXPECT_EQ(map.to_source_start(3), 2u);
  EXPECT_EQ(map.to_source_start(4), 2u);
  EXPECT_EQ(map.to_source_start(5), 3u);
  EXPECT_EQ(map.to_source_end(2), 2u);
  EXPECT_EQ(map.to_source_end(3), 2u);
  EXPECT_EQ(map.to_source_end(4), 2u);
  EXPECT_EQ(map.to_source_end(5), 3u);
}

TEST(OffsetMap, SeveralSeparateChanges) {
  // "a％b％c" (9 bytes) became "a%b%c" (5 bytes).
  OffsetMap map;
  map.add_change(1, 3, 1, 1);
  map.add_change(5, 3, 3, 1);
  const std::vector<std::size_t> starts = {0, 1, 4, 5, 8, 9};
  const std::vector<std::size_t> ends = {0, 1, 4, 5, 8, 9};
  for (std::size_t t = 0; t <= 5; ++t) {
    EXPECT_EQ(map.to_source_start(t), starts[t]) << t;
    EXPECT_EQ(map.to_source_end(t), ends[t]) << t;
  }
}

TEST(OffsetMap, KeepsTouchingChangesApart) {
  // "％％x": two touching 3->1 changes, each mapping to its own character.
  OffsetMap map;
  map.add_change(0, 3, 0, 1);
  map.add_change(3, 3, 1, 1);
  EXPECT_EQ(map.to_source_start(0), 0u);
  EXPECT_EQ(map.to_source_end(2), 6u);
  EXPECT_EQ(map.to_source_start(2), 6u);
  EXPECT_EQ(map.to_source_end(3), 7u);
  EXPECT_EQ(map.to_source_start(3), 7u);
  EXPECT_EQ(map.to_source_end(1), 3u);
  EXPECT_EQ(map.to_source_start(1), 3u);
}

}  // namespace
}  // namespace sosu

namespace sosu {
namespace {

// Issue 4: old and new Vietnamese tone placement match the same words.
TEST(Normalize, MovesOldVietnameseTonePlacementToTheNewOne) {
  EXPECT_EQ(normalize("hoà vốn").text, "hòa vốn");
  EXPECT_EQ(normalize("thuỷ lợi").text, "thủy lợi");
  EXPECT_EQ(normalize("Khoá XIII").text, "Khóa XIII");
  EXPECT_EQ(normalize("sức khoẻ.").text, "sức khỏe.");
  // Not at a word's end, or after q: already the same in both styles.
  EXPECT_EQ(normalize("Hoàng khoảng quý").text, "Hoàng khoảng quý");
  // Decomposed input is composed first, then moved.
  EXPECT_EQ(normalize("hoa\u0300").text, "hòa");
}

TEST(Normalize, TonePlacementMapsBackToTheWrittenLetters) {
  const std::string source = "thuỷ lợi";
  NormalizedText nt = normalize(source);
  // "thủy" in the normalised text is "thuỷ" in the source, byte for byte.
  const std::size_t end = nt.text.find(' ');
  EXPECT_EQ(source.substr(nt.to_source_start(0), nt.to_source_end(end) - nt.to_source_start(0)), "thuỷ");
  EXPECT_EQ(nt.to_source_start(end), source.find(' '));
}

}  // namespace
}  // namespace sosu
