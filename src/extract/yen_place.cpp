#include "yen_place.hpp"

#include <string>

#include "finmetrics/extract/detail/text.hpp"

namespace finmetrics::extract_detail {

std::optional<CurrencyEvidence> yen_place_of(std::string_view s, const Lexicon& lexicon) {
  std::optional<CurrencyEvidence> found;
  for (std::size_t p = 0; p < s.size();) {
    if (!is_upper(s[p]) || (p > 0 && is_letter(s[p - 1]))) {
      ++p;
      continue;
    }
    const std::size_t e = letters_end(s, p);
    // One capitalised word, or two (any case after the first letter: "TOKYO --") ("Hong Kong" is no yen place; "Shenzhen" is one word).
    std::size_t end = p;
    const Cue* cue = lexicon.cue(s.substr(p, e - p), "yen_place");
    if (cue != nullptr) end = e;
    if (e + 1 < s.size() && s[e] == ' ' && is_upper(s[e + 1])) {
      const std::size_t e2 = letters_end(s, e + 1);
      const Cue* two = lexicon.cue(s.substr(p, e2 - p), "yen_place");
      if (two != nullptr) {
        cue = two;
        end = e2;
      }
    }
    if (end != p) {
      const Result<Currency> c = Currency::from_code(cue->value);
      if (c) {
        if (found && found->currency != *c) return std::nullopt;
        if (!found) found = CurrencyEvidence{std::string(s.substr(p, end - p)), TextSpan{p, end}, *c};
      }
    }
    p = std::max(e, p + 1);
  }
  return found;
}

}  // namespace finmetrics::extract_detail
