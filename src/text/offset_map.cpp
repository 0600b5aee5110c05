#include <algorithm>

#include "sosu/text.h"

namespace sosu {

void OffsetMap::add_change(std::size_t source, std::size_t source_len, std::size_t target,
                           std::size_t target_len) {
  // Touching changes stay apart: "１２％～" folds character by character, and a span over
  // part of such a run must map back to just its own characters.
  changes_.push_back(Change{source, source_len, target, target_len});
}

const OffsetMap::Change* OffsetMap::last_change_at_or_before(std::size_t target) const {
  auto it = std::upper_bound(changes_.begin(), changes_.end(), target,
                             [](std::size_t t, const Change& c) { return t < c.target; });
  if (it == changes_.begin()) return nullptr;
  return &*std::prev(it);
}

std::size_t OffsetMap::to_source_start(std::size_t target) const {
  const Change* c = last_change_at_or_before(target);
  if (c == nullptr) return target;
  if (target < c->target + c->target_len) return c->source;
  return c->source + c->source_len + (target - c->target - c->target_len);
}

std::size_t OffsetMap::to_source_end(std::size_t target) const {
  // An end equal to a change's start belongs before the change.
  const Change* c = target == 0 ? nullptr : last_change_at_or_before(target - 1);
  if (c == nullptr) return target;
  if (target <= c->target + c->target_len) return c->source + c->source_len;
  return c->source + c->source_len + (target - c->target - c->target_len);
}

}  // namespace sosu
