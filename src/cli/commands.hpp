#pragma once
// Subcommands of the finmetrics CLI: each adds its options to the app and runs.

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace finmetrics::cli {

struct NormalizeArgs {
  std::vector<std::string> inputs;
  std::string fx;
  std::string output;
  std::string to = "USD";
  std::string scale;
  std::optional<int> digits;
  std::optional<int> decimals;
  std::string rounding = "half_even";
  int max_staleness = 7;
  int threads = 0;
  bool quiet = false;
  bool progress = false;
};

void add_normalize(CLI::App& app, NormalizeArgs& args);
int run_normalize(const NormalizeArgs& args);

}  // namespace finmetrics::cli
