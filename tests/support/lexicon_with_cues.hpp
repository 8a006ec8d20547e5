#pragma once
// The built-in lexicon's files (data/lexicon/*.csv) with rows appended to cues.csv:
// how a test shows that a behaviour is data (one row more changes it, no C++).

#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/io/read_file.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "shared_data.hpp"

namespace finmetrics::test {

inline Lexicon lexicon_with_cues(std::string_view extra) {
  const char* files[] = {"families.csv", "currencies.csv",           "minor_units.csv", "country_prefixes.csv",
                         "scales.csv",   "qualifiers.csv",           "numbers.csv",     "locales.csv",
                         "cues.csv",     "withdrawn_currencies.csv", "coins.csv",       "word_like.csv"};
  std::vector<std::string> texts;
  for (const char* f : files) {
    auto text = read_file(source_path(std::string("data/lexicon/") + f));
    REQUIRE(text);
    if (std::string_view(f) == "cues.csv") *text += extra;
    texts.push_back(std::move(*text));
  }
  std::vector<Lexicon::Source> sources;
  for (std::size_t i = 0; i < texts.size(); ++i) sources.push_back({files[i], texts[i]});
  auto lexicon = Lexicon::from_sources(sources);
  REQUIRE(lexicon);
  return *lexicon;
}

}  // namespace finmetrics::test
