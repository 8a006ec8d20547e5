#pragma once
// Fixture files of the extract tests: a file's bytes, and the records of a CSV text
// (the hand-labelled expectations beside each passage).

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/io/csv.hpp"

namespace finmetrics::test {

/// The bytes of the file at `path`; empty when it cannot be read (the caller's
/// expectations then fail on what is missing).
inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// The records of a CSV text, each as its fields; blank records are skipped and a
/// broken record fails the test.
inline std::vector<std::vector<std::string>> csv_records(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  csv::RecordSplitter splitter;
  splitter.feed(text);
  std::vector<std::string_view> fields;
  std::string scratch;
  const auto take = [&](const csv::RawRecord& r) {
    if (r.text.empty()) return;
    REQUIRE(csv::split_record(r.text, fields, scratch));
    rows.emplace_back(fields.begin(), fields.end());
  };
  while (auto r = splitter.next()) take(*r);
  if (auto r = splitter.finish()) take(*r);
  return rows;
}

}  // namespace finmetrics::test
