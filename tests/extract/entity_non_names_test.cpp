#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/extract/extract_figures.hpp"

// A sentence's capitalised first word that names no company (a measure, a line of the
// accounts, a holder: `not_entity` cues) was the entity of its figures.

using namespace finmetrics;

namespace {

std::vector<std::string> entities(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& f : extract_figures(text).figures) out.push_back(f.context.entity.known() ? f.context.entity.value : "-");
  return out;
}

}  // namespace

TEST_CASE("a sentence's first word that names no company is no entity", "[extract][breadth][entity]") {
  // Were Non-GAAP, Provisions, Impairments, Shareholders, Deposits, Expenses, Income.
  CHECK(entities("Acme Holdings reported results on Tuesday.\n\nNon-GAAP net income was $1.2 billion.\n\n"
                 "Provisions for credit losses were $1.0 billion. Impairments totalled $300 million.\n\n"
                 "Shareholders received $1 billion. Deposits rose to $40 billion. Expenses were $2 billion. "
                 "Income from fees was $3 billion.\n") ==
        std::vector<std::string>{"Acme Holdings", "Acme Holdings", "Acme Holdings", "Acme Holdings", "Acme Holdings",
                                 "Acme Holdings", "Acme Holdings"});
  // In a longer name the word is still part of it, and a name in the sentence wins.
  CHECK(entities("Non-GAAP profit at Globex Corp was $5 million.") == std::vector<std::string>{"Globex Corp"});
}
