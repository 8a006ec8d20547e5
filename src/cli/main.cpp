// The finmetrics command line: one subcommand per job.
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>

#include "commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"finmetrics: financial figures as they are quoted (read, normalize, check)", "finmetrics"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(FINMETRICS_VERSION));
  finmetrics::cli::NormalizeArgs normalize_args;
  finmetrics::cli::add_normalize(app, normalize_args);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  try {
    if (app.got_subcommand("normalize")) return finmetrics::cli::run_normalize(normalize_args);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "finmetrics: %s\n", e.what());
    return 2;
  }
  return 2;
}
