// Language per sentence, from the letters it uses.
//
//   sosu::detect_language("전 성에는 기층당 조직이 725개 있었다.")   // "ko"
//   sosu::detect_language("Toàn tỉnh có 725 tổ chức cơ sở đảng.")   // "vi"
#ifndef SOSU_LANG_H_
#define SOSU_LANG_H_

#include <string>
#include <string_view>

namespace sosu {

// "ko" when Hangul syllables (each weighed as three letters) are at least as many as Latin letters;
// otherwise "vi" when the Latin letters include Vietnamese ones (đ ơ ư ă â ê ô or a tone
// mark), "en" for plain Latin; "und" when the sentence has no letters of these scripts.
std::string detect_language(std::string_view sentence);

}  // namespace sosu

#endif  // SOSU_LANG_H_
