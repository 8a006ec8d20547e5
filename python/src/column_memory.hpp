#pragma once
// Memory for a call's output columns (float64 values, categorical codes, exact
// texts and their row ends): fresh pages that a first call in a process faults
// in one by one. On this KVM guest (free pages reported to the host) a fresh 4 KiB
// page cost ~1.5-2 ms per MB; 2 MiB transparent huge pages about a quarter of it.
// Blocks of 1 MiB or more are therefore 2 MiB aligned and marked MADV_HUGEPAGE
// (NumPy marks its own arrays of 4 MiB or more, but from the first page boundary:
// the unaligned head of each stays in 4 KiB pages).
#include <cstddef>

#include <pybind11/numpy.h>

namespace finmetrics::python {

namespace py = pybind11;

/// `size` bytes, uninitialised; free with std::free. Throws std::bad_alloc.
void* allocate_column_memory(std::size_t size);
/// Grows a block from allocate_column_memory, keeping its first `used` bytes.
void* grow_column_memory(void* block, std::size_t used, std::size_t size);

/// `size` zero bytes; where large, pages the kernel maps only when read (and then
/// to its one zero page), so a column that stays all zeros costs no memory.
/// Free with free_zeroed_column_memory.
void* allocate_zeroed_column_memory(std::size_t size);
void free_zeroed_column_memory(void* block) noexcept;

/// A NumPy array of `n` T over such memory (freed with the array).
template <class T>
py::array_t<T> column_array(std::size_t n) {
  void* p = allocate_column_memory(n * sizeof(T) + 1);
  py::capsule owner(p, [](void* q) { std::free(q); });
  return py::array_t<T>(static_cast<py::ssize_t>(n), static_cast<T*>(p), owner);
}

/// `n` zeros of T, as allocate_zeroed_column_memory gives them.
template <class T>
py::array_t<T> column_zeros(std::size_t n) {
  void* p = allocate_zeroed_column_memory(n * sizeof(T) + 1);
  py::capsule owner(p, [](void* q) { free_zeroed_column_memory(q); });
  return py::array_t<T>(static_cast<py::ssize_t>(n), static_cast<T*>(p), owner);
}

}  // namespace finmetrics::python
