#pragma once
// The definition of the consteval `Currency::of`, which must be visible wherever
// it is called; `currency/iso4217.hpp` includes it.

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/currency/detail/iso4217_table.hpp"

namespace finmetrics {

namespace detail {
// Deliberately not constexpr: reaching it in `Currency::of` makes the call
// ill-formed, and the compiler names this function in its diagnostic.
inline void currency_code_is_not_in_the_iso4217_table() {}
}  // namespace detail

consteval Currency Currency::of(const char (&code)[4]) {
  if (code[3] != '\0' || detail::find_iso4217(std::string_view(code, 3)) == nullptr) {
    detail::currency_code_is_not_in_the_iso4217_table();
  }
  return Currency{{code[0], code[1], code[2]}};
}

}  // namespace finmetrics
