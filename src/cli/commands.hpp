#pragma once
// Subcommands of the finmetrics CLI. Each lives in its own file and registers
// itself with a static `Registration`, so adding one touches no other file.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "finmetrics/lexicon/lexicon.hpp"

namespace finmetrics::cli {

/// Adds a subcommand's options to `app` and returns the function that runs it
/// (called only when the subcommand was given). Options bind to state the
/// adder owns (e.g. a static or a shared_ptr captured by the runner).
using CommandAdder = std::function<std::function<int()>(CLI::App& app)>;

struct CommandEntry {
  std::string name;  ///< the subcommand's name, e.g. "normalize"
  int order;         ///< position in --help
  CommandAdder add;
};

/// The registered subcommands (the CLI's own table; not part of the library).
inline std::vector<CommandEntry>& commands() {
  static std::vector<CommandEntry> table;
  return table;
}

/// `static const Registration r{"check", 20, add_check};` in a subcommand's file.
struct Registration {
  Registration(std::string name, int order, CommandAdder add) {
    commands().push_back(CommandEntry{std::move(name), order, std::move(add)});
  }
};

/// The locales a `--locale` may name ("en, en-IN, hi, ..."), for its error.
inline std::string known_locales(const Lexicon& lexicon) {
  std::string names;
  for (const NumberLocale& l : lexicon.locales()) names += (names.empty() ? "" : ", ") + l.name;
  return names;
}

}  // namespace finmetrics::cli
