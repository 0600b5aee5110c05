// Generates a large press-style corpus for the benchmarks, in Korean or Vietnamese: sentences
// from templates written for sosu, with random figures in the language's own number style, one
// paragraph per line. Deterministic for a seed.
//   sosu_gen_corpus [--lang ko|vi] OUT.txt SIZE_MB [SEED]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

namespace {

// {n} is a count with group marks, {p} a percentage's number, {y} a year and {y2} a later one,
// {s} a scaled amount, {d} a digit, {m} a month, {dd} a day.
struct Language {
  std::vector<std::string> templates;
  // Sentences without figures, so that the density of figures is like real news (the seed
  // article has one figure per ~230 bytes).
  std::vector<std::string> filler;
  char group_mark;
  char decimal_mark;
  // {s}: a whole number of the large scale and a part of the small one (9조1234억), or a
  // decimal of the large scale (1,5 tỷ) when small_scale is empty.
  std::string large_scale;
  std::string small_scale;
};

const Language kKorean = {
    {
        "{y}년 초 현재 도내에는 기층당 조직이 {n}개, 당 세포가 {n}개 있었다.",
        "도당위원회는 지난 {y}년 한 해 동안 {n}명의 당원을 새로 받아들였으며, 이 가운데 여성이 {p}%를 차지했다.",
        "통계청에 따르면 {y}년 국내 1인 가구는 {n}가구로 전년보다 {p}% 늘었다.",
        "시는 {y}-{y2}년 기간 중소기업 {n}곳에 모두 {s}원을 지원하기로 했다.",
        "올해 예산은 {s}원으로, 이 중 복지 분야가 {p}%인 {s}원을 차지한다.",
        "조사 대상 사업장 {n}곳 가운데 {n}곳({p}%)에서 위반 사항 {n}건이 적발됐다.",
        "고용률은 {p}%로 1년 전보다 0.{d}%p 올랐고, 실업자는 {n}명으로 집계됐다.",
        "관계자는 \"현장의 목소리를 듣고 제도를 계속 보완하겠다\"고 밝혔다.",
        "이번 사업에는 모두 {n}개 기관이 참여하며, 목표 달성률은 {p}% 이상으로 잡았다.",
        "위원회는 {y}년 {m}월 {dd}일 회의를 열어 관련 안건 {n}건을 의결했다.",
        "지역별로는 서울이 {n}명으로 가장 많았고, 경기 {n}명, 부산 {n}명 순이었다.",
        "전문가들은 인구 감소 속도가 예상보다 빠르다며 장기적인 대책이 필요하다고 지적했다.",
    },
    {
        "각급 당위원회와 조직들은 긴밀한 지도와 점검을 통해 현장의 어려움을 신속히 해결해 나가고 있다.",
        "도는 주민 의견을 충분히 수렴한 뒤 세부 추진 계획을 마련해 단계적으로 시행할 방침이다.",
        "이번 조치는 지역 간 격차를 줄이고 행정 서비스의 질을 높이기 위한 것이라고 관계자는 설명했다.",
        "정부는 관계 부처 합동으로 점검반을 꾸려 제도 운영 실태를 면밀히 살펴볼 계획이다.",
        "현장에서는 인력과 예산이 여전히 부족하다는 목소리가 나오고 있어 보완책이 필요하다는 지적이다.",
        "시민단체들은 정책의 실효성을 높이려면 지역 사정에 맞는 맞춤형 지원이 뒤따라야 한다고 강조했다.",
        "위원회는 앞으로도 주민 생활과 밀접한 분야를 중심으로 제도 개선 과제를 꾸준히 발굴하겠다고 밝혔다.",
        "업계에서는 경기 둔화가 이어지는 가운데 하반기 수요 회복 여부가 관건이 될 것으로 보고 있다.",
    },
    ',', '.', "조", "억",
};

const Language kVietnamese = {
    {
        "Đến đầu năm {y}, toàn tỉnh có {n} tổ chức cơ sở đảng với {n} đảng viên.",
        "Trong năm {y}, các cấp ủy đã kết nạp {n} đảng viên mới, trong đó nữ chiếm {p}%.",
        "Theo Cục Thống kê, tổng sản phẩm trên địa bàn năm {y} ước tăng {p}% so với năm trước.",
        "Giai đoạn {y}-{y2}, thành phố hỗ trợ {n} doanh nghiệp nhỏ và vừa với tổng kinh phí {s} đồng.",
        "Tổng thu ngân sách nhà nước trên địa bàn đạt {s} đồng, bằng {p}% dự toán năm.",
        "Qua kiểm tra {n} cơ sở, đoàn đã phát hiện {n} trường hợp vi phạm, xử phạt hành chính {s} đồng.",
        "Tỷ lệ thất nghiệp ở khu vực thành thị là {p}%, giảm 0,{d} điểm phần trăm so với cùng kỳ.",
        "Ngày {dd}/{m}/{y}, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết với sự tham dự của {n} đại biểu.",
        "Kim ngạch xuất khẩu {m} tháng đầu năm ước đạt {n} triệu USD, tăng {p}% so với cùng kỳ năm {y}.",
        "Toàn tỉnh hiện còn {n} hộ nghèo, chiếm {p}% tổng số hộ dân cư.",
        "Về địa bàn, Hà Nội có {n} người, Thành phố Hồ Chí Minh {n} người và Đà Nẵng {n} người.",
        "Dự án có tổng mức đầu tư khoảng {s} đồng, dự kiến hoàn thành trong năm {y2}.",
    },
    {
        "Các cấp ủy, tổ chức đảng đã tăng cường kiểm tra, giám sát và kịp thời tháo gỡ khó khăn, vướng mắc tại cơ sở.",
        "Lãnh đạo tỉnh đề nghị các sở, ngành tiếp tục rà soát thủ tục hành chính, tạo thuận lợi cho người dân và doanh nghiệp.",
        "Theo đánh giá của cơ quan chức năng, công tác phối hợp giữa các địa phương đã có nhiều chuyển biến tích cực.",
        "Nhiều ý kiến cho rằng cần có cơ chế đặc thù để thu hút nguồn lực xã hội đầu tư vào lĩnh vực này.",
        "Người dân mong muốn chính quyền sớm có giải pháp căn cơ để ổn định đời sống và phát triển sản xuất.",
        "Các chuyên gia nhận định thị trường sẽ còn nhiều biến động khó lường trong thời gian tới.",
        "Bộ trưởng yêu cầu các đơn vị khẩn trương hoàn thiện hồ sơ, bảo đảm tiến độ theo kế hoạch đã đề ra.",
        "Hội nghị cũng đã thảo luận, thống nhất phương hướng, nhiệm vụ trọng tâm trong thời gian tới.",
    },
    '.', ',', "tỷ", "",
};

std::string grouped(std::uint64_t n, char mark) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += mark;
    out += digits[i];
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const Language* lang = &kKorean;
  if (argc > 2 && std::strcmp(argv[1], "--lang") == 0) {
    lang = std::strcmp(argv[2], "vi") == 0 ? &kVietnamese : std::strcmp(argv[2], "ko") == 0 ? &kKorean : nullptr;
    argc -= 2;
    argv += 2;
  }
  if (argc < 3 || lang == nullptr) {
    std::cerr << "usage: sosu_gen_corpus [--lang ko|vi] OUT.txt SIZE_MB [SEED]\n";
    return 2;
  }
  const std::uint64_t target = std::strtoull(argv[2], nullptr, 10) << 20;
  std::mt19937_64 rng(argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 20261127);
  std::ofstream out(argv[1], std::ios::binary);
  if (!out) {
    std::cerr << "sosu_gen_corpus: cannot write " << argv[1] << "\n";
    return 2;
  }
  auto pick = [&](std::uint64_t lo, std::uint64_t hi) { return std::uniform_int_distribution<std::uint64_t>(lo, hi)(rng); };
  const std::string decimal(1, lang->decimal_mark);
  std::uint64_t written = 0;
  while (written < target) {
    std::string paragraph;
    const std::uint64_t sentences = pick(2, 6);
    for (std::uint64_t s = 0; s < sentences; ++s) {
      // Three sentences in four carry no figure.
      const std::string& t = pick(0, 3) == 0 ? lang->templates[pick(0, lang->templates.size() - 1)]
                                             : lang->filler[pick(0, lang->filler.size() - 1)];
      std::uint64_t year = pick(2015, 2024);
      for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] != '{') {
          paragraph += t[i];
          continue;
        }
        std::size_t close = t.find('}', i);
        std::string key = t.substr(i + 1, close - i - 1);
        if (key == "n") paragraph += grouped(pick(1, 99999), lang->group_mark);
        else if (key == "p") paragraph += std::to_string(pick(0, 99)) + decimal + std::to_string(pick(0, 9));
        else if (key == "y") paragraph += std::to_string(year);
        else if (key == "y2") paragraph += std::to_string(year + pick(1, 5));
        else if (key == "s" && !lang->small_scale.empty())
          paragraph += std::to_string(pick(1, 9)) + lang->large_scale + std::to_string(pick(1000, 9999)) + lang->small_scale;
        else if (key == "s") paragraph += std::to_string(pick(1, 999)) + decimal + std::to_string(pick(1, 9)) + " " + lang->large_scale;
        else if (key == "d") paragraph += std::to_string(pick(1, 9));
        else if (key == "m") paragraph += std::to_string(pick(1, 12));
        else if (key == "dd") paragraph += std::to_string(pick(1, 28));
        i = close;
      }
      paragraph += ' ';
    }
    paragraph.back() = '\n';
    out << paragraph;
    written += paragraph.size();
  }
  std::cerr << "sosu_gen_corpus: wrote " << written << " bytes to " << argv[1] << "\n";
  return out ? 0 : 2;
}
