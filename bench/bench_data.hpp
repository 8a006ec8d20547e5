#pragma once
// Inputs for the benchmarks: the real ECB history and a corpus from the shared
// generator (../shared/bench/gen_corpus.py), read in place, never copied.
// FINMETRICS_CORPUS=path overrides the corpus; FINMETRICS_CORPUS_ROWS sets the
// generated size (default 200000).

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace finmetrics::bench {

inline std::string shared_path(const std::string& relative) { return std::string(FINMETRICS_SHARED_DIR) + "/" + relative; }

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path + " (is ../shared beside the project?)");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The corpus CSV text (header `date,figure` included).
inline const std::string& corpus_csv() {
  static const std::string text = [] {
    if (const char* path = std::getenv("FINMETRICS_CORPUS")) return read_file(path);
    const char* rows = std::getenv("FINMETRICS_CORPUS_ROWS");
    const std::string cmd = "python3 " + shared_path("bench/gen_corpus.py") + " " + (rows ? rows : "200000") + " 1";
    std::FILE* p = popen(cmd.c_str(), "r");
    if (!p) throw std::runtime_error("cannot run " + cmd);
    std::string out;
    char buf[1 << 16];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    if (pclose(p) != 0 || out.empty()) throw std::runtime_error("corpus generator failed: " + cmd);
    return out;
  }();
  return text;
}

/// The corpus split into (date, figure) pairs, RFC 4180 quotes removed.
struct Row {
  std::string date;
  std::string figure;
};
inline const std::vector<Row>& corpus_rows() {
  static const std::vector<Row> rows = [] {
    std::vector<Row> out;
    std::istringstream in(corpus_csv());
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      Row r;
      r.date = line.substr(0, 10);
      std::string f = line.substr(11);
      if (!f.empty() && f.front() == '"') f = f.substr(1, f.size() - 2);  // the generator never doubles quotes
      r.figure = f;
      out.push_back(std::move(r));
    }
    return out;
  }();
  return rows;
}

inline const std::string& ecb_csv() {
  static const std::string text = read_file(shared_path("data/fx/ecb-eurofxref-hist.csv"));
  return text;
}

}  // namespace finmetrics::bench
