#include "finmetrics/extract/detail/article_cues.hpp"

#include <cstdlib>
#include <vector>

#include "finmetrics/extract/detail/mentions.hpp"

namespace finmetrics::extract_detail {

const CueIndex& ArticleCues::index() {
  if (!index_) {
    std::vector<CueRow> rows;
    rows.reserve(lexicon_.cues().size());
    for (const Cue& c : lexicon_.cues()) rows.push_back(CueRow{c.phrase, c.category, c.value});
    index_.emplace(rows, issuers_);
  }
  return *index_;
}

const CueIndex::Hits& ArticleCues::hits() {
  if (!hits_) {
    hits_ = index().scan(s_);
    keep_company_mentions(s_, lexicon_, hits_->entity, hits_->entity_descriptor);
  }
  return *hits_;
}

int ArticleCues::issuer_of(const CueHit& h) {
  if (h.kind == CueKind::name) return -1;
  return std::atoi(index().value(h.row).c_str());  // "3" or "3:Segment name"
}

std::string ArticleCues::name_of(const CueHit& h) {
  const int i = issuer_of(h);
  if (i >= 0 && static_cast<std::size_t>(i) < issuers_.size()) return issuers_[static_cast<std::size_t>(i)].name;
  return std::string(s_.substr(h.begin, h.end - h.begin));
}

}  // namespace finmetrics::extract_detail
