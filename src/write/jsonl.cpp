#include "sosu/jsonl.h"

#include <nlohmann/json.hpp>

namespace sosu {
namespace {

using Json = nlohmann::ordered_json;

// Integers exactly; decimals as doubles, which nlohmann prints in the shortest form that
// reads back the same: 91.7 stays "91.7" (exact for up to 15 significant digits).
Json number(const std::optional<Decimal>& d) {
  if (!d) return nullptr;
  if (d->is_integer()) return d->coefficient;
  return d->to_double();
}

template <class T>
Json optional_value(const std::optional<T>& v) {
  if (!v) return nullptr;
  return *v;
}

}  // namespace

std::string figure_to_json(const Figure& f) {
  Json j;
  j["v"] = 1;
  j["doc"] = f.doc;
  j["lang"] = f.lang;
  j["kind"] = kind_name(f.kind);
  j["text"] = f.text;
  j["start"] = f.start;
  j["end"] = f.end;
  j["byte_start"] = f.byte_start;
  j["byte_end"] = f.byte_end;
  j["value"] = number(f.value);
  j["from"] = f.from_date ? Json(*f.from_date) : number(f.from);
  j["to"] = f.to_date ? Json(*f.to_date) : number(f.to);
  j["date"] = optional_value(f.date);
  j["unit"] = optional_value(f.unit);
  j["subject"] = optional_value(f.subject);
  j["qualifier"] = optional_value(f.qualifier);
  if (f.time) {
    Json t;
    t["text"] = f.time->text;
    t["date"] = optional_value(f.time->date);
    t["part"] = optional_value(f.time->part);
    if (f.time->relative) t["relative"] = *f.time->relative;
    j["time"] = std::move(t);
  } else {
    j["time"] = nullptr;
  }
  j["sentence"] = f.sentence;
  j["pattern"] = f.pattern;
  j["direction"] = optional_value(f.direction);
  if (f.status) j["status"] = *f.status;
  if (f.decimals) j["decimals"] = *f.decimals;
  if (f.per) j["per"] = *f.per;
  if (f.place) j["place"] = *f.place;
  if (f.source) j["source"] = *f.source;
  // Strict UTF-8: the text layer only ever holds valid UTF-8, so a throw here is a bug.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
}

bool JsonlSink::on_figure(const Figure& figure) {
  out_ << figure_to_json(figure) << '\n';
  ++written_;
  return static_cast<bool>(out_);
}

}  // namespace sosu
