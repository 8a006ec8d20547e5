#pragma once
// A column of exact texts (amounts, converted values) kept as one byte buffer
// and row offsets, as finmetrics/_exact.py's ExactStringArray holds them: no
// Python object per row until a row is read as a str.
#include <cstdint>
#include <cstring>
#include <limits>
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
/// gets zeros that are never written (column_zeros: pages the kernel maps only
/// when read), so its 8 bytes a row cost no memory.
class ExactTextColumn {
 public:
  /// `narrow_limit`: the most bytes int32 ends hold (a test passes a small one
  /// to see the column widen its ends to int64).
  explicit ExactTextColumn(std::size_t rows,
                           std::size_t narrow_limit = static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()));
  ~ExactTextColumn();
  ExactTextColumn(const ExactTextColumn&) = delete;
  ExactTextColumn& operator=(const ExactTextColumn&) = delete;

  void append(std::string_view text) {
    if (ends_ == nullptr) {
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
    end_row();
  }
  /// As `append`, for a text after which 32 bytes may be read (the caller's
  /// buffer has room): a short text is copied as 32 bytes, without a call.
  void append_padded(std::string_view text) {
    if (ends_ == nullptr) {
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
    end_row();
  }
  /// (uint8 data, offsets of rows + 1): the buffers move into the arrays,
  /// uncopied. Offsets are int32 (half the memory of int64: what a first call
  /// faults in is most of its extra time), int64 where the bytes pass 2 GiB.
  [[nodiscard]] py::tuple release();

 private:
  void end_row() {
    const auto used = next_ - bytes_;
    if (wide_) *++end64_ = used;
    else *++end32_ = static_cast<std::int32_t>(used);
  }
  void grow(std::size_t more);
  void start_ends();  // the first text: the ends buffer, zeros for the missing rows before it
  std::size_t rows_;
  std::size_t leading_ = 0;  // rows appended before the ends buffer exists (all missing)
  char* bytes_;
  char* next_;
  char* limit_;
  std::size_t narrow_limit_;
  bool wide_ = false;      // int64 ends: the buffer may pass narrow_limit_ bytes
  void* ends_ = nullptr;   // rows_ + 1 ends once the first text came
  std::int32_t* end32_ = nullptr;  // the last end written
  std::int64_t* end64_ = nullptr;
};

}  // namespace finmetrics::python
