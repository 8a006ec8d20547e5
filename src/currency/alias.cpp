#include "finmetrics/currency/alias.hpp"

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <fmt/format.h>

#include "finmetrics/currency/detail/alias_table.hpp"
#include "finmetrics/currency/detail/iso4217_table.hpp"

namespace finmetrics {

namespace {

// Parsers call currency_from_marker once or twice per figure, so both tables get
// an index built at compile time from the same data: the ISO codes as a bit set
// over AAA..ZZZ, the aliases as a small hash table.

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
constexpr bool is_iso_code(std::string_view code) noexcept {
  if (code.size() != 3 || !is_upper(code[0]) || !is_upper(code[1]) || !is_upper(code[2])) return false;
  const std::size_t i = iso_slot(code[0], code[1], code[2]);
  return ((iso_codes[i / 64] >> (i % 64)) & 1U) != 0;
}

consteval bool iso_index_finds_every_code() {
  std::size_t set = 0;
  for (const auto word : iso_codes) set += static_cast<std::size_t>(std::popcount(word));
  if (set != detail::iso4217_table.size()) return false;
  for (const auto& e : detail::iso4217_table) {
    if (!is_iso_code(e.code)) return false;
  }
  return true;
}
static_assert(iso_index_finds_every_code());

// The aliases: an open-addressing hash index (length, first and last byte).
constexpr std::size_t alias_slot_count = 256;  // a power of two, over three times the aliases

constexpr std::size_t alias_slot(std::string_view m) noexcept {
  const auto first = static_cast<unsigned char>(m.front());
  const auto last = static_cast<unsigned char>(m.back());
  return (m.size() * 7 + first * 3 + last) & (alias_slot_count - 1);
}

// alias_slots[k] is 1 + the row of an alias, or 0 for an empty slot.
constexpr auto alias_slots = [] {
  std::array<std::uint8_t, alias_slot_count> out{};
  for (std::size_t i = 0; i < detail::currency_aliases.size(); ++i) {
    std::size_t k = alias_slot(detail::currency_aliases[i].marker);
    while (out[k] != 0) k = (k + 1) & (alias_slot_count - 1);
    out[k] = static_cast<std::uint8_t>(i + 1);
  }
  return out;
}();
static_assert(detail::currency_aliases.size() * 3 < alias_slot_count && detail::currency_aliases.size() < 255);

constexpr bool same_bytes(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// Equivalent to `detail::find_currency_alias(marker)` (markers are unique).
constexpr const detail::CurrencyAlias* find_alias(std::string_view marker) noexcept {
  if (marker.empty()) return nullptr;
  for (std::size_t k = alias_slot(marker); alias_slots[k] != 0; k = (k + 1) & (alias_slot_count - 1)) {
    const auto& a = detail::currency_aliases[alias_slots[k] - 1U];
    if (same_bytes(a.marker, marker)) return &a;
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
