#pragma once
// A column of exact texts (amounts, converted values) kept as one byte buffer
// and row offsets, as finmetrics/_exact.py's ExactStringArray holds them: no
// Python object per row until a row is read as a str.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include <pybind11/numpy.h>

namespace finmetrics::python {

namespace py = pybind11;

/// Rows are appended in order; row i is bytes[ends[i], ends[i + 1]) and an empty
/// row is a missing value (an exact text is never empty). Appending needs no GIL.
/// The bytes and the row ends are column memory (column_memory.hpp) that
/// `release` hands to NumPy uncopied. The row ends are written from the first
/// row with a text on: a column without any (a frame without ranges has four)
/// gets zeros from `np.zeros` (calloc: pages the kernel maps only when read), so
/// its 8 bytes a row are never written.
class ExactTextColumn {
 public:
  explicit ExactTextColumn(std::size_t rows);
  ~ExactTextColumn();
  ExactTextColumn(const ExactTextColumn&) = delete;
  ExactTextColumn& operator=(const ExactTextColumn&) = delete;

  void append(std::string_view text) {
    if (end_ == nullptr) {
      if (text.empty()) {  // missing rows before the first text: their ends are 0
        ++leading_;
        return;
      }
      start_ends();
    }
    if (!text.empty()) {
      if (static_cast<std::size_t>(limit_ - next_) < text.size()) grow(text.size());
      std::memcpy(next_, text.data(), text.size());
      next_ += text.size();
    }
    *++end_ = next_ - bytes_;
  }
  /// As `append`, for a text after which 32 bytes may be read (the caller's
  /// buffer has room): a short text is copied as 32 bytes, without a call.
  void append_padded(std::string_view text) {
    if (end_ == nullptr) {
      if (text.empty()) {
        ++leading_;
        return;
      }
      start_ends();
    }
    if (static_cast<std::size_t>(limit_ - next_) < text.size() + 32) grow(text.size() + 32);
    if (text.size() <= 32) std::memcpy(next_, text.data(), 32);
    else std::memcpy(next_, text.data(), text.size());
    next_ += text.size();
    *++end_ = next_ - bytes_;
  }
  /// (uint8 data, int64 offsets of rows + 1): the buffers move into the arrays, uncopied.
  [[nodiscard]] py::tuple release();

 private:
  void grow(std::size_t more);
  void start_ends();  // the first text: the ends buffer, zeros for the missing rows before it
  std::size_t rows_;
  std::size_t leading_ = 0;  // rows appended before the ends buffer exists (all missing)
  char* bytes_;
  char* next_;
  char* limit_;
  std::int64_t* ends_ = nullptr;
  std::int64_t* end_ = nullptr;  // the last end written
};

}  // namespace finmetrics::python
