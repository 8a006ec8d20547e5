#pragma once
// A {fmt} formatter for any quantity with a `to_string()` member.

#include <string>
#include <string_view>

#include <fmt/format.h>

namespace finmetrics::detail {

template <class T>
struct ToStringFormatter : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(const T& value, FormatContext& ctx) const {
    const std::string s = value.to_string();
    return fmt::formatter<std::string_view>::format(std::string_view(s), ctx);
  }
};

}  // namespace finmetrics::detail
