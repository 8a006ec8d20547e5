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
/// The bytes are a plain malloc'd buffer that `release` hands to NumPy uncopied.
class ExactTextColumn {
 public:
  explicit ExactTextColumn(std::size_t rows);
  ~ExactTextColumn();
  ExactTextColumn(const ExactTextColumn&) = delete;
  ExactTextColumn& operator=(const ExactTextColumn&) = delete;

  void append(std::string_view text) {
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
    if (static_cast<std::size_t>(limit_ - next_) < text.size() + 32) grow(text.size() + 32);
    if (text.size() <= 32) std::memcpy(next_, text.data(), 32);
    else std::memcpy(next_, text.data(), text.size());
    next_ += text.size();
    *++end_ = next_ - bytes_;
  }
  /// (uint8 data, int64 offsets of rows + 1): the buffer moves into the array, uncopied.
  [[nodiscard]] py::tuple release();

 private:
  void grow(std::size_t more);
  char* bytes_;
  char* next_;
  char* limit_;
  py::array_t<std::int64_t> offsets_;
  std::int64_t* end_;
};

}  // namespace finmetrics::python
