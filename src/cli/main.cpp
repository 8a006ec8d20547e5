// The finmetrics command line: one subcommand per job, each in its own file.
// This file holds the conventions shared by all of them: `finmetrics help
// [COMMAND]`, `--version`, the suggestion for a mistyped command and the
// `finmetrics COMMAND:` prefix on the argument parser's errors.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.hpp"

namespace {

// Edit distance with adjacent transpositions (optimal string alignment), so
// that `normalise` is one edit from `normalize` and `chekc` one from `check`.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

// The nearest command, when it is near enough to be what was meant: at most a
// third of the word's letters wrong, or the word is a prefix of exactly one.
std::string nearest(std::string_view word, const std::vector<std::string>& names) {
  std::string best;
  std::size_t best_distance = word.size() / 3 + 1;
  for (const auto& name : names) {
    const std::size_t d = edit_distance(word, name);
    if (d < best_distance) {
      best_distance = d;
      best = name;
    }
  }
  if (best.empty() && !word.empty()) {
    for (const auto& name : names) {
      if (name.compare(0, word.size(), word) == 0) {
        if (!best.empty()) return {};
        best = name;
      }
    }
  }
  return best;
}

int unknown_command(std::string_view word, const std::vector<std::string>& names) {
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  const std::string guess = nearest(word, names);
  std::fprintf(stderr, "finmetrics: unknown command '%.*s'%s%s%s\n", static_cast<int>(word.size()), word.data(),
               guess.empty() ? "" : "; did you mean '", guess.c_str(), guess.empty() ? "" : "'?");
  std::fprintf(stderr, "finmetrics: the commands are %s, help; see 'finmetrics help'\n", list.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"finmetrics: financial figures as they are quoted (read, normalize, check)", "finmetrics"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "finmetrics " + std::string(FINMETRICS_VERSION), "print the version and exit");
  app.set_help_flag("-h,--help", "print this help and exit");
  app.set_help_all_flag("--help-all", "print the help of every command and exit");
  app.footer("Run 'finmetrics help COMMAND' (or 'finmetrics COMMAND --help') for a command's options.\n"
             "Exit status: 0 success, 1 the job found something (rows not converted, claims inconsistent),\n"
             "2 usage or file error.\n");
  auto& table = finmetrics::cli::commands();
  std::sort(table.begin(), table.end(), [](const auto& a, const auto& b) { return a.order < b.order; });
  std::vector<std::pair<CLI::App*, std::function<int()>>> runners;
  std::vector<std::string> names;
  for (const auto& command : table) {
    auto run = command.add(app);
    runners.emplace_back(app.get_subcommand(command.name), std::move(run));
    names.push_back(command.name);
  }

  // `finmetrics help [COMMAND]` and mistyped commands, before CLI11 sees them
  // (it would only say that an argument was not expected).
  if (argc >= 2) {
    const std::string_view first = argv[1];
    if (first == "help") {
      if (argc == 2) {
        std::fputs(app.help().c_str(), stdout);
        return 0;
      }
      const std::string_view topic = argv[2];
      if (std::find(names.begin(), names.end(), topic) == names.end()) return unknown_command(topic, names);
      std::fputs(app.get_subcommand(std::string(topic))->help("finmetrics").c_str(), stdout);
      return argc == 3 ? 0 : 2;
    }
    if (!first.empty() && first[0] != '-' && std::find(names.begin(), names.end(), first) == names.end())
      return unknown_command(first, names);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // The same prefix as the commands' own messages: `finmetrics check: ...`.
    std::string who = "finmetrics";
    for (const CLI::App* sub : app.get_subcommands()) who += " " + sub->get_name();
    std::fprintf(stderr, "%s: %s\n", who.c_str(), e.what());
    std::fprintf(stderr, "%s: see '%s --help'\n", who.c_str(), who.c_str());
    return 2;  // usage errors exit 2, as documented
  }
  try {
    for (auto& [sub, run] : runners)
      if (sub != nullptr && sub->parsed()) return run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "finmetrics: %s\n", e.what());
    return 2;
  }
  return 2;
}
