#include "finmetrics/currency/alias.hpp"

#include <array>
#include <cstdint>

#include <fmt/format.h>

#include "finmetrics/currency/detail/alias_table.hpp"
#include "finmetrics/currency/detail/iso4217_table.hpp"

namespace finmetrics {

namespace {

// Parsers call currency_from_marker once or twice per figure, so both tables get
// an index built at compile time from the same data: the ISO codes as a bit set
// over AAA..ZZZ, the aliases grouped by first byte (a row of the alias table is
// compared only when its first byte matches).

constexpr std::size_t iso_slots = 26 * 26 * 26;

constexpr std::size_t iso_slot(char a, char b, char c) noexcept {
  return static_cast<std::size_t>(a - 'A') * 676 + static_cast<std::size_t>(b - 'A') * 26 +
         static_cast<std::size_t>(c - 'A');
}

constexpr auto iso_codes = [] {
  std::array<std::uint64_t, (iso_slots + 63) / 64> bits{};
  for (const auto& e : detail::iso4217_table) {
    const std::size_t i = iso_slot(e.code[0], e.code[1], e.code[2]);
    bits[i / 64] |= std::uint64_t{1} << (i % 64);
  }
  return bits;
}();

constexpr bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }

// Equivalent to `detail::find_iso4217(code) != nullptr` (the table holds upper-case codes only).
bool is_iso_code(std::string_view code) noexcept {
  if (code.size() != 3 || !is_upper(code[0]) || !is_upper(code[1]) || !is_upper(code[2])) return false;
  const std::size_t i = iso_slot(code[0], code[1], code[2]);
  return (iso_codes[i / 64] >> (i % 64)) & 1U;
}

constexpr std::size_t alias_count = detail::currency_aliases.size();
static_assert(alias_count < 256);

struct AliasIndex {
  std::array<std::uint8_t, 257> first{};        // rows of byte b: order[first[b] .. first[b + 1])
  std::array<std::uint8_t, alias_count> order{};  // table rows sorted by first byte
};

constexpr AliasIndex alias_index = [] {
  AliasIndex ix;
  std::size_t n = 0;
  for (std::size_t b = 0; b < 256; ++b) {
    ix.first[b] = static_cast<std::uint8_t>(n);
    for (std::size_t i = 0; i < alias_count; ++i) {
      if (static_cast<unsigned char>(detail::currency_aliases[i].marker[0]) == b) {
        ix.order[n++] = static_cast<std::uint8_t>(i);
      }
    }
  }
  ix.first[256] = static_cast<std::uint8_t>(n);
  return ix;
}();

// Equivalent to `detail::find_currency_alias(marker)` (markers are unique).
constexpr const detail::CurrencyAlias* find_alias(std::string_view marker) noexcept {
  if (marker.empty()) return nullptr;
  const auto b = static_cast<unsigned char>(marker[0]);
  for (std::size_t k = alias_index.first[b]; k < alias_index.first[b + 1]; ++k) {
    const auto& a = detail::currency_aliases[alias_index.order[k]];
    if (a.marker.size() != marker.size()) continue;
    std::size_t i = 1;  // byte 0 matches: it chose the group
    while (i < marker.size() && a.marker[i] == marker[i]) ++i;
    if (i == marker.size()) return &a;
  }
  return nullptr;
}

consteval bool alias_index_finds_every_row() {
  for (const auto& a : detail::currency_aliases) {
    if (find_alias(a.marker) != &a) return false;
  }
  return true;
}
static_assert(alias_index_finds_every_row());

}  // namespace

Result<Currency> currency_from_marker(std::string_view marker, const CurrencyContext& context) {
  // Look-ups first, error text only on failure: parsers call this per figure.
  if (is_iso_code(marker)) return Currency{{marker[0], marker[1], marker[2]}};
  const auto* alias = find_alias(marker);
  if (alias == nullptr) return Currency::from_code(marker);  // its error names the input (and a case slip)

  switch (alias->kind) {
    case detail::AliasKind::fixed:
      return Currency{{alias->code[0], alias->code[1], alias->code[2]}};
    case detail::AliasKind::dollar:
      if (context.dollar) return *context.dollar;
      return unexpected(make_error(
          Errc::ambiguous,
          fmt::format("ambiguous currency '{}': which dollar (USD, HKD, ...)? set CurrencyContext::dollar", marker),
          marker, 0));
    case detail::AliasKind::yen_or_yuan:
      if (context.yen_or_yuan) return *context.yen_or_yuan;
      return unexpected(make_error(
          Errc::ambiguous,
          fmt::format("ambiguous currency '{}': yen (JPY) or yuan (CNY)? set CurrencyContext::yen_or_yuan", marker),
          marker, 0));
  }
  return Currency::from_code(marker);
}

}  // namespace finmetrics
