#pragma once
// Corpora of ../shared/bench for tests: a generator's output, and the figure
// column of a `date,figure` CSV text (the normalize-v1 and v2 corpora).

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "finmetrics/io/csv.hpp"
#include "shared_data.hpp"

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

/// The corpus `generator` of ../shared/bench (`gen_corpus.py`, `gen_corpus_v2.py`)
/// writes for `rows` and `seed`, run by Debian's Python (the one with its packages).
inline std::string generated_corpus(const std::string& generator, int rows, int seed) {
  return run_command("/usr/bin/python3 " + shared_path("bench/" + generator).string() + " " + std::to_string(rows) + " " +
                     std::to_string(seed));
}

/// The figure column of that corpus.
inline std::vector<std::string> corpus_figures(const std::string& generator, int rows, int seed) {
  return figure_column(generated_corpus(generator, rows, seed));
}

}  // namespace finmetrics::test
