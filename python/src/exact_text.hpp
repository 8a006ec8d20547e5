#pragma once
// A column of exact texts (amounts, converted values) kept as one byte buffer
// and row offsets, as finmetrics/_exact.py's ExactStringArray holds them: no
// Python object per row until a row is read as a str.
#include <cstdint>
#include <string>
#include <string_view>

#include <pybind11/numpy.h>

namespace finmetrics::python {

namespace py = pybind11;

/// Rows are appended in order; row i is bytes[ends[i], ends[i + 1]) and an empty
/// row is a missing value (an exact text is never empty). Appending needs no GIL.
class ExactTextColumn {
 public:
  explicit ExactTextColumn(std::size_t rows);
  void append(std::string_view text) {
    if (!text.empty()) bytes_.append(text);
    *++end_ = static_cast<std::int64_t>(bytes_.size());
  }
  /// (uint8 data, int64 offsets of rows + 1): the buffer moves into the array, uncopied.
  [[nodiscard]] py::tuple release();

 private:
  std::string bytes_;
  py::array_t<std::int64_t> offsets_;
  std::int64_t* end_;
};

}  // namespace finmetrics::python
