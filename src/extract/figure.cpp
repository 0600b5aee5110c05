#include "sosu/figure.h"

namespace sosu {
namespace {

struct KindName {
  Kind kind;
  const char* name;
};

// The one table between Kind and RECORD.md's strings.
constexpr KindName kKindNames[] = {
    {Kind::kCount, "count"},           {Kind::kPercent, "percent"},
    {Kind::kPercentPoint, "percent_point"}, {Kind::kMoney, "money"},
    {Kind::kQuantity, "quantity"},     {Kind::kNumber, "number"},
    {Kind::kOrdinal, "ordinal"},       {Kind::kYear, "year"},
    {Kind::kYearRange, "year_range"},  {Kind::kDate, "date"},
    {Kind::kDateRange, "date_range"},  {Kind::kDuration, "duration"},
    {Kind::kIdentifier, "identifier"},
};

}  // namespace

const char* kind_name(Kind kind) {
  for (const KindName& k : kKindNames) {
    if (k.kind == kind) return k.name;
  }
  return "number";
}

std::optional<Kind> kind_from_name(std::string_view name) {
  for (const KindName& k : kKindNames) {
    if (name == k.name) return k.kind;
  }
  return std::nullopt;
}

}  // namespace sosu
