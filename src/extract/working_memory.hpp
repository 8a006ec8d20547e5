#pragma once
// The large arrays of one extraction (its figures, the reads behind them, the
// sentence and cue indexes of the text) on 2-MB pages where the system allows
// (private to src/extract). A 50-MB text writes some 200 MB of them, all on fresh
// pages: at 4 KB a page, faulting them in cost a fifth of the run, more per byte
// than for a short text, whose arrays the allocator hands back warm.

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace finmetrics::extract_detail {

/// The least array worth advising: below two huge pages no whole 2-MB page need fit inside.
inline constexpr std::size_t huge_pages_least = std::size_t{4} << 20;

/// Asks for 2-MB pages over the whole 4-KB pages of `[p, p + bytes)` (Linux's
/// transparent huge pages, which in `madvise` mode come only when asked): a hint,
/// which changes no content; nothing below `huge_pages_least`, nothing elsewhere than Linux.
void advise_huge_pages(const void* p, std::size_t bytes) noexcept;

/// `v.reserve(n)` for an empty vector about to be written in order, its storage
/// advised as above before any of it is touched.
template <class T>
void reserve_on_huge_pages(std::vector<T>& v, std::size_t n) {
  if (n <= v.capacity()) return;
  v.reserve(n);
  if (v.empty()) advise_huge_pages(v.data(), v.capacity() * sizeof(T));
}

/// Doubles the capacity of a full vector, as `push_back` would, its new storage
/// advised as above before the elements move in (a vector of move-only elements too).
template <class T>
void grow_on_huge_pages(std::vector<T>& v) {
  std::vector<T> bigger;
  reserve_on_huge_pages(bigger, std::max<std::size_t>(16, 2 * v.capacity()));
  for (T& x : v) bigger.push_back(std::move(x));
  v.swap(bigger);
}

}  // namespace finmetrics::extract_detail
