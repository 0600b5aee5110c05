// A fast first pass of UTF-8 validation, 32 bytes at a time with AVX2 where the CPU has it.
//
// The method is the lookup algorithm of J. Keiser and D. Lemire, "Validating UTF-8 in less
// than one instruction per byte" (Software: Practice and Experience, 2021): three table
// lookups on the high and low nibbles of each byte and of the byte before it name every way
// a pair of bytes can be ill-formed, and the bytes two and three back tell where a third or
// fourth byte of a sequence must stand. It only says whether a block is clean; where one is
// not, the byte-by-byte check of Utf8Checker finds and words the problem.
#include <cstdint>

#include "text/utf8.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define SOSU_UTF8_AVX2 1
#endif

namespace sosu::internal {
namespace {

#ifdef SOSU_UTF8_AVX2

// The start of the last code point of a checked prefix p[0, end), which may be cut off by
// `end`: the byte-by-byte check resumes there. Within a well-formed prefix a continuation
// byte has its lead at most three bytes back.
std::size_t last_boundary(const unsigned char* p, std::size_t end) {
  std::size_t j = end;
  while (j > 0 && end - j < 3 && is_continuation(p[j - 1])) --j;
  if (j > 0 && p[j - 1] >= 0xC0) return j - 1;
  return end;
}

// What a pair of bytes (first, second) can get wrong, one bit each; a pair is ill-formed
// where the three lookups share a bit.
// (char, as _mm256_setr_epi8 takes them.)
constexpr char kTooShort = 1 << 0;      // a lead byte, then ASCII or another lead
constexpr char kTooLong = 1 << 1;       // ASCII, then a continuation byte
constexpr char kOverlong3 = 1 << 2;     // E0 80..9F
constexpr char kTooLarge = 1 << 3;      // F4 90..BF, F5..FF 90..BF: past U+10FFFF
constexpr char kSurrogate = 1 << 4;     // ED A0..BF
constexpr char kOverlong2 = 1 << 5;     // C0, C1
constexpr char kTooLarge1000 = 1 << 6;  // F5..FF 80..8F
constexpr char kOverlong4 = 1 << 6;     // F0 80..8F (shares the bit: both are x 8_)
constexpr char kTwoConts = static_cast<char>(0x80);  // a continuation after a continuation
constexpr char kCarry = kTooShort | kTooLong | kTwoConts;  // whatever the first's low nibble

// A 16-entry table in both 128-bit lanes, for _mm256_shuffle_epi8.
#define SOSU_TABLE16(...) _mm256_setr_epi8(__VA_ARGS__, __VA_ARGS__)

__attribute__((target("avx2"))) std::size_t valid_prefix_avx2(const unsigned char* p, std::size_t size) {
  const __m256i first_high = SOSU_TABLE16(
      // 0___: ASCII
      kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong,
      // 10__: continuation
      kTwoConts, kTwoConts, kTwoConts, kTwoConts,
      // 1100, 1101: two-byte lead
      kTooShort | kOverlong2, kTooShort,
      // 1110: three-byte lead
      kTooShort | kOverlong3 | kSurrogate,
      // 1111: four-byte lead and beyond
      kTooShort | kTooLarge | kTooLarge1000 | kOverlong4);
  const __m256i first_low = SOSU_TABLE16(
      kCarry | kOverlong3 | kOverlong2 | kOverlong4,  // ___0000
      kCarry | kOverlong2,                            // ___0001
      kCarry, kCarry,                                 // ___001_
      kCarry | kTooLarge,                             // ___0100
      kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000 | kSurrogate,  // ___1101
      kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000);
  const __m256i second_high = SOSU_TABLE16(
      // 0___: ASCII
      kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort,
      // 1000, 1001, 101_: continuation
      kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge1000 | kOverlong4,
      kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge,
      kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge,
      kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge,
      // 11__: lead
      kTooShort, kTooShort, kTooShort, kTooShort);
  const __m256i low_nibble = _mm256_set1_epi8(0x0F);
  const __m256i zero = _mm256_setzero_si256();

  __m256i previous = zero;  // the block before: the start is a code point boundary
  std::size_t at = 0;
  for (; at + 32 <= size; at += 32) {
    const __m256i input = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + at));
    // The bytes one, two and three places back, reaching into the block before.
    const __m256i joined = _mm256_permute2x128_si256(previous, input, 0x21);
    const __m256i back1 = _mm256_alignr_epi8(input, joined, 15);
    const __m256i back2 = _mm256_alignr_epi8(input, joined, 14);
    const __m256i back3 = _mm256_alignr_epi8(input, joined, 13);
    const __m256i pair_errors =
        _mm256_and_si256(_mm256_and_si256(_mm256_shuffle_epi8(first_high, _mm256_and_si256(_mm256_srli_epi16(back1, 4), low_nibble)),
                                          _mm256_shuffle_epi8(first_low, _mm256_and_si256(back1, low_nibble))),
                         _mm256_shuffle_epi8(second_high, _mm256_and_si256(_mm256_srli_epi16(input, 4), low_nibble)));
    // A third byte must follow E0..FF two back, a fourth F0..FF three back: exactly there
    // a continuation follows a continuation.
    const __m256i must_continue = _mm256_and_si256(
        _mm256_or_si256(_mm256_subs_epu8(back2, _mm256_set1_epi8(static_cast<char>(0xE0 - 0x80))),
                        _mm256_subs_epu8(back3, _mm256_set1_epi8(static_cast<char>(0xF0 - 0x80)))),
        _mm256_set1_epi8(static_cast<char>(0x80)));
    const __m256i errors = _mm256_or_si256(_mm256_xor_si256(must_continue, pair_errors),
                                           _mm256_cmpeq_epi8(input, zero));  // NUL: a binary file
    if (!_mm256_testz_si256(errors, errors)) break;
    previous = input;
  }
  return last_boundary(p, at);
}

#undef SOSU_TABLE16

#endif  // SOSU_UTF8_AVX2

}  // namespace

std::size_t utf8_valid_prefix(std::string_view bytes) {
#ifdef SOSU_UTF8_AVX2
  static const bool has_avx2 = __builtin_cpu_supports("avx2");
  if (has_avx2) return valid_prefix_avx2(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
#else
  static_cast<void>(bytes);  // all of it is left to the byte-by-byte check
#endif
  return 0;
}

}  // namespace sosu::internal
