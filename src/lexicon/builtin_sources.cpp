#include "finmetrics/lexicon/builtin_sources.hpp"

#include "finmetrics/io/csv.hpp"

namespace finmetrics::detail {

std::vector<std::string> builtin_lexicon_words(std::string_view file) {
  std::vector<std::string> out;
  for (std::size_t k = 0; k < builtin_lexicon_source_count; ++k) {
    const Lexicon::Source& source = builtin_lexicon_sources[k];
    if (source.name != file) continue;
    csv::RecordSplitter splitter;
    splitter.feed(source.text);
    std::vector<std::string_view> fields;
    std::string scratch;
    bool header = true;
    const auto take = [&](const csv::RawRecord& r) {
      if (r.text.empty() || r.text.front() == '#') return;
      if (header) {
        header = false;
        return;
      }
      if (csv::split_record(r.text, fields, scratch) && !fields.empty() && !fields[0].empty()) out.emplace_back(fields[0]);
    };
    while (auto r = splitter.next()) take(*r);
    if (auto r = splitter.finish()) take(*r);
  }
  return out;
}

}  // namespace finmetrics::detail
