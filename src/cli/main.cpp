// The finmetrics command line: one subcommand per job, each in its own file.
#include <algorithm>
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>

#include "commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"finmetrics: financial figures as they are quoted (read, normalize, check)", "finmetrics"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(FINMETRICS_VERSION));
  auto& table = finmetrics::cli::commands();
  std::sort(table.begin(), table.end(), [](const auto& a, const auto& b) { return a.order < b.order; });
  std::vector<std::pair<CLI::App*, std::function<int()>>> runners;
  for (const auto& command : table) {
    auto run = command.add(app);
    runners.emplace_back(app.get_subcommand(command.name), std::move(run));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help, version or the error
    return code == 0 ? 0 : 2;      // usage errors exit 2, as documented
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
