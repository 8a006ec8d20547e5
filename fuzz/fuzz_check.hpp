#pragma once
// Invariant checks inside fuzz targets: a broken invariant prints what was read
// and aborts, so libFuzzer records the input as a crash like any sanitizer report.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "finmetrics/error.hpp"

namespace finmetrics::fuzz {

[[noreturn]] inline void invariant_failed(const char* what, std::string_view detail, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: invariant broken: %s\n  %.*s\n", file, line, what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

/// The input as text.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Every error value must say something and point inside (or at the end of) what it names.
inline bool well_formed(const Error& e, std::size_t input_size) {
  if (e.message.empty()) return false;
  if (e.position != Error::npos && e.position > input_size && e.position > e.input.size()) return false;
  return true;
}

/// Whether `text` is one line of well-formed UTF-8: what a diagnostic must be.
inline bool one_line(std::string_view text) {
  std::size_t p = 0;
  while (p < text.size()) {
    const auto c = static_cast<unsigned char>(text[p]);
    if (c == '\n' || c == '\r') return false;
    std::size_t n = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (n == 0 || p + n > text.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(text[p + k]) & 0xC0) != 0x80) return false;
    p += n;
  }
  return true;
}

}  // namespace finmetrics::fuzz

#define FUZZ_CHECK(cond, detail)                                                           \
  do {                                                                                     \
    if (!(cond)) ::finmetrics::fuzz::invariant_failed(#cond, (detail), __FILE__, __LINE__); \
  } while (0)
