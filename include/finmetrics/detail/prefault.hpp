#pragma once
// Fresh memory mapped ahead of its first writes. On the 2-core VM the library is
// measured on, the first write to each 4 KiB page of a new allocation costs
// ~10 us (a page fault); madvise(MADV_POPULATE_WRITE) maps a whole range in one
// call at ~0.2 us a page (16 MB: 43 ms of faults against 3 ms). For buffers of
// megabytes filled once at start-up (the FX table's series, the day grids).

#include <cstddef>
#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace finmetrics::detail {

#if defined(__linux__)
/// `madvise(advice)` over the pages wholly inside [data, data + bytes), never a
/// neighbour's memory, when that range holds at least `least_pages` pages; a hint:
/// a refusal (an older kernel, the feature turned off) is ignored.
inline void advise_whole_pages(const void* data, std::size_t bytes, int advice, std::size_t least_pages) noexcept {
  static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  if (page == 0 || bytes < least_pages * page) return;
  const auto at = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t begin = (at + page - 1) / page * page;
  const std::uintptr_t end = (at + bytes) / page * page;
  if (end > begin) (void)::madvise(reinterpret_cast<void*>(begin), end - begin, advice);
}
#endif

/// Maps the whole pages inside [data, data + bytes) for writing where the system
/// can (Linux 5.14+); a hint: the bytes are unchanged and nothing is reported.
inline void prefault(const void* data, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
  advise_whole_pages(data, bytes, MADV_POPULATE_WRITE, 4);  // a few pages: not worth a system call
#else
  (void)data;
  (void)bytes;
#endif
}

/// `prefault` of the storage a vector has reserved (its capacity, not only its size).
template <class Vector>
void prefault_capacity(const Vector& v) noexcept {
  prefault(v.data(), v.capacity() * sizeof(typename Vector::value_type));
}

}  // namespace finmetrics::detail
