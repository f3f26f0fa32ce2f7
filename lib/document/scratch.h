#pragma once
// The readers' scratch space: one vector per nesting depth, made on first use. A collection's children
// are parsed into the vector for its depth and moved into place at their exact size (Children::take)
// once it is complete. A deque, so that a shallower level's vector stays put while deeper ones are
// added; made on demand, so that a flat document does not pay for the deepest one it could have.
#include <cstddef>
#include <deque>
#include <vector>

namespace gomo::document {

template <typename T>
class ScratchLevels {
 public:
  std::vector<T>& at(size_t depth) {
    while (levels_.size() <= depth) levels_.emplace_back();
    return levels_[depth];
  }

 private:
  std::deque<std::vector<T>> levels_;
};

}  // namespace gomo::document
