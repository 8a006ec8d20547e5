#include "working_memory.hpp"

#include "finmetrics/detail/prefault.hpp"

namespace finmetrics::extract_detail {

void advise_huge_pages(const void* p, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (p == nullptr || bytes < huge_pages_least) return;
  detail::advise_whole_pages(p, bytes, MADV_HUGEPAGE, 1);
#else
  (void)p;
  (void)bytes;
#endif
}

}  // namespace finmetrics::extract_detail
