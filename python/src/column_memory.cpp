// Output column memory in transparent huge pages where it is large (column_memory.hpp).
#include "column_memory.hpp"

#include <cstdlib>
#include <cstring>
#include <new>

#include <sys/mman.h>

namespace finmetrics::python {

namespace {

constexpr std::size_t huge_page = std::size_t{1} << 21;
constexpr std::size_t large = std::size_t{1} << 20;

}  // namespace

void* allocate_column_memory(std::size_t size) {
  if (size < large) {
    void* p = std::malloc(size);
    if (p == nullptr) throw std::bad_alloc();
    return p;
  }
  const std::size_t rounded = (size + huge_page - 1) & ~(huge_page - 1);
  void* p = nullptr;
  if (posix_memalign(&p, huge_page, rounded) != 0) throw std::bad_alloc();
  ::madvise(p, rounded, MADV_HUGEPAGE);  // a hint: where it fails, 4 KiB pages as before
  return p;
}

void* grow_column_memory(void* block, std::size_t used, std::size_t size) {
  void* bigger = allocate_column_memory(size);
  std::memcpy(bigger, block, used);
  std::free(block);
  return bigger;
}

}  // namespace finmetrics::python
