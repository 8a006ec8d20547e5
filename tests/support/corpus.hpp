#pragma once
// Corpora of ../shared/bench for tests: a generator's output, and the figure
// column of a `date,figure` CSV text (the normalize-v1 and v2 corpora).

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "finmetrics/io/csv.hpp"

namespace finmetrics::test {

/// The standard output of `command` (a corpus generator); empty if it cannot run.
inline std::string run_command(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string text;
  if (!pipe) return text;
  char buffer[1 << 16];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe.get())) text.append(buffer, n);
  return text;
}

/// The second column of each record after the header line.
inline std::vector<std::string> figure_column(const std::string& text) {
  std::vector<std::string> out;
  csv::RecordSplitter splitter;
  splitter.feed(text);
  std::vector<std::string_view> fields;
  std::string scratch;
  bool header = true;
  const auto take = [&](const csv::RawRecord& r) {
    if (header) {
      header = false;
      return;
    }
    if (csv::split_record(r.text, fields, scratch) && fields.size() >= 2) out.emplace_back(fields[1]);
  };
  while (auto r = splitter.next()) take(*r);
  if (auto r = splitter.finish()) take(*r);
  return out;
}

}  // namespace finmetrics::test
