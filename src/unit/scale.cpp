#include "finmetrics/unit/scale.hpp"

#include "finmetrics/lexicon/lexicon.hpp"

namespace finmetrics {

// The tokens are data (data/lexicon/scales.csv), read through the built-in
// lexicon; callers with a lexicon of their own use `Lexicon::scale`.
std::optional<Scale> scale_from_token(std::string_view token) noexcept {
  return Lexicon::builtin().scale(token);
}

}  // namespace finmetrics
