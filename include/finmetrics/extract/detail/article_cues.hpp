#pragma once
// The context cues of one text, found once on first use and shared: the currency
// resolution of a bare `$` (which company a figure is about) and the context reader
// (entity, segment, metric, period, direction) read the same scan. Not public API.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "finmetrics/extract/detail/cue_index.hpp"
#include "finmetrics/extract/extract_figures.hpp"
#include "finmetrics/lexicon/lexicon.hpp"

namespace finmetrics::extract_detail {

class ArticleCues {
 public:
  /// `lexicon`'s cues and the `issuers` passed in, over `text`; nothing is read yet.
  ArticleCues(std::string_view text, const Lexicon& lexicon, std::span<const IssuerNames> issuers)
      : s_(text), lexicon_(lexicon), issuers_(issuers) {}

  /// The index of the cues, built on first use.
  [[nodiscard]] const CueIndex& index();
  /// Every hit of the text, scanned on first use; `entity` holds the company mentions
  /// only (`keep_company_mentions`: no `Acme affiliate Globex`, no `Acme's Smith`).
  [[nodiscard]] const CueIndex::Hits& hits();

  /// The issuer index of an entity hit, or -1 for a name the text gives.
  [[nodiscard]] int issuer_of(const CueHit& h);
  /// The company an entity hit names: the issuer's name, else the words as written.
  [[nodiscard]] std::string name_of(const CueHit& h);

 private:
  std::string_view s_;
  const Lexicon& lexicon_;
  std::span<const IssuerNames> issuers_;
  std::optional<CueIndex> index_;
  std::optional<CueIndex::Hits> hits_;
};

}  // namespace finmetrics::extract_detail
