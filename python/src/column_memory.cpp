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

// Large zeroed blocks are their own mapping, whose size is kept just before the
// block in a first page of their own (the only page written), so that the free
// knows what to unmap; small ones are calloc'd with 0 there.
constexpr std::size_t map_header = 4096, calloc_header = 16;

void* allocate_zeroed_column_memory(std::size_t size) {
  if (size < large) {
    auto* p = static_cast<char*>(std::calloc(size + calloc_header, 1));
    if (p == nullptr) throw std::bad_alloc();
    return p + calloc_header;  // the size slot before it is 0: calloc'd
  }
  const std::size_t mapped = size + map_header;
  void* p = ::mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  char* block = static_cast<char*>(p) + map_header;
  std::memcpy(block - calloc_header, &mapped, sizeof mapped);
  return block;
}

void free_zeroed_column_memory(void* block) noexcept {
  if (block == nullptr) return;
  char* b = static_cast<char*>(block);
  std::size_t mapped = 0;
  std::memcpy(&mapped, b - calloc_header, sizeof mapped);
  if (mapped == 0) std::free(b - calloc_header);
  else ::munmap(b - map_header, mapped);
}

}  // namespace finmetrics::python
