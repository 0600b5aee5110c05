#include "text/code_point_finder.h"

#include <vector>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define SOSU_FINDER_AVX2 1
#endif

namespace sosu::internal {
namespace {

constexpr std::uint64_t kAllSeconds = ~std::uint64_t{0};  // ASCII members, leads always found
using SecondBytes = std::array<std::uint64_t, 256>;

}  // namespace

void CodePointFinder::add(char32_t cp) {
  if (cp < 0x80) {
    second_bytes_[cp] = kAllSeconds;
  } else if (cp < 0x800) {
    second_bytes_[0xC0 | (cp >> 6)] |= std::uint64_t{1} << (cp & 0x3F);
  } else if (cp < 0x10000) {
    second_bytes_[0xE0 | (cp >> 12)] |= std::uint64_t{1} << ((cp >> 6) & 0x3F);
  }
}

CodePointFinder::CodePointFinder(const std::vector<std::pair<char32_t, char32_t>>& ranges) {
  for (const auto& [lo, hi] : ranges) {
    // Three-byte code points count by blocks of 64: one of each block is enough.
    for (char32_t cp = lo; cp <= hi && cp < 0x10000; cp = cp < 0x800 ? cp + 1 : (cp | 0x3F) + 1) add(cp);
  }
  finish();
}

void CodePointFinder::finish() {
  // Overlong two-byte leads, four-byte leads and bytes that start nothing: always found.
  for (std::size_t b : {std::size_t{0xC0}, std::size_t{0xC1}}) second_bytes_[b] = kAllSeconds;
  for (std::size_t b = 0xF0; b < 0x100; ++b) second_bytes_[b] = kAllSeconds;
  std::vector<std::uint16_t> low_sets;  // the distinct sets of low nibbles, one bit each
  for (unsigned high = 0; high < 16; ++high) {
    std::uint16_t lows = 0;
    for (unsigned low = 0; low < 16; ++low) {
      if (second_bytes_[high << 4 | low] != 0) lows |= static_cast<std::uint16_t>(1u << low);
    }
    if (lows == 0) continue;
    std::size_t bit = 0;
    while (bit < low_sets.size() && low_sets[bit] != lows) ++bit;
    if (bit == low_sets.size()) {
      if (low_sets.size() < 8) {
        low_sets.push_back(lows);
      } else {
        bit = 7;
        low_sets[7] |= lows;
      }
    }
    by_high_nibble_[high] |= static_cast<std::uint8_t>(1u << bit);
  }
  for (std::size_t bit = 0; bit < low_sets.size(); ++bit) {
    for (unsigned low = 0; low < 16; ++low) {
      if ((static_cast<unsigned>(low_sets[bit]) >> low) & 1u) by_low_nibble_[low] |= static_cast<std::uint8_t>(1u << bit);
    }
  }
}

namespace {

// Whether the code point that starts at p[at] (before `to`) may be a member.
bool stops_at(const SecondBytes& second_bytes, const unsigned char* p, std::size_t at, std::size_t to) {
  const std::uint64_t seconds = second_bytes[p[at]];
  if (seconds == kAllSeconds || at + 1 >= to) return seconds != 0;
  return ((seconds >> (p[at + 1] & 0x3F)) & 1) != 0;
}

std::size_t find_bytewise(const SecondBytes& second_bytes, const unsigned char* p, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    if (second_bytes[p[i]] != 0 && stops_at(second_bytes, p, i, to)) return i;
  }
  return to;
}

#ifdef SOSU_FINDER_AVX2
__attribute__((target("avx2"))) std::size_t find_avx2(const SecondBytes& second_bytes, const std::uint8_t* high,
                                                      const std::uint8_t* low, const unsigned char* p,
                                                      std::size_t from, std::size_t to) {
  const __m256i high_table = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(high)));
  const __m256i low_table = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(low)));
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  std::size_t i = from;
  for (; i + 32 <= to; i += 32) {
    const __m256i input = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    const __m256i by_high = _mm256_shuffle_epi8(high_table, _mm256_and_si256(_mm256_srli_epi16(input, 4), nibble));
    const __m256i by_low = _mm256_shuffle_epi8(low_table, _mm256_and_si256(input, nibble));
    const __m256i none = _mm256_cmpeq_epi8(_mm256_and_si256(by_high, by_low), _mm256_setzero_si256());
    for (auto maybe = ~static_cast<std::uint32_t>(_mm256_movemask_epi8(none)); maybe != 0; maybe &= maybe - 1) {
      const std::size_t at = i + static_cast<std::size_t>(__builtin_ctz(maybe));
      if (stops_at(second_bytes, p, at, to)) return at;
    }
  }
  return find_bytewise(second_bytes, p, i, to);
}
#endif

}  // namespace

std::size_t CodePointFinder::find(std::string_view text, std::size_t from, std::size_t to) const {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
#ifdef SOSU_FINDER_AVX2
  static const bool has_avx2 = __builtin_cpu_supports("avx2");
  if (has_avx2) return find_avx2(second_bytes_, by_high_nibble_.data(), by_low_nibble_.data(), p, from, to);
#endif
  return find_bytewise(second_bytes_, p, from, to);
}

}  // namespace sosu::internal
