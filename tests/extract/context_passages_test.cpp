#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/extract/extract_figures.hpp"
#include "finmetrics/extract/issuer_names.hpp"
#include "finmetrics/io/csv.hpp"
#include "shared_data.hpp"

// Passages in the style of results coverage (a bank, an oil major, a Japanese maker,
// an Indian conglomerate, a Chinese tech company: tests/extract/context/*.txt), with
// the context an analyst would draft for each figure written down by hand in
// `<name>.context.csv` (entity, metric, period, direction; `a|b` accepts either name of
// the company) and what the caller knows in `<name>.options` (date=, issuer=). The
// drafted context is scored field by field and the counts are pinned: a change that
// reads one more field right or wrong fails here until the count is updated (with the
// reason). tests/extract/context/score.py gives the same counts for any binary.

using namespace finmetrics;

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::vector<std::string>> rows_of(const std::string& text) {
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

bool accepts(const std::string& want, const std::string& have) {
  std::size_t b = 0;
  for (;;) {
    const std::size_t e = want.find('|', b);
    if (want.substr(b, e == std::string::npos ? std::string::npos : e - b) == have) return true;
    if (e == std::string::npos) return false;
    b = e + 1;
  }
}

}  // namespace

TEST_CASE("drafted context of results passages, field by field against an analyst's", "[extract][context]") {
  const auto dir = test::source_path("tests/extract/context");
  std::vector<std::filesystem::path> passages;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".txt") passages.push_back(entry.path());
  std::sort(passages.begin(), passages.end());
  REQUIRE(passages.size() == 5);
  std::size_t figures = 0;
  std::size_t entity = 0, metric = 0, period = 0, direction = 0;
  for (const auto& p : passages) {
    INFO(p.filename().string());
    ExtractOptions options;
    auto options_path = p;
    options_path.replace_extension(".options");
    std::istringstream lines(std::filesystem::exists(options_path) ? slurp(options_path) : std::string{});
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("date=", 0) == 0) options.article_date = parse_date(line.substr(5)).value();
      if (line.rfind("issuer=", 0) == 0) options.issuers.push_back(load_issuer_names(test::source_path(line.substr(7))).value());
    }
    const Extraction e = extract_figures(slurp(p), options);
    auto expected_path = p;
    expected_path.replace_extension(".context.csv");
    const auto rows = rows_of(slurp(expected_path));
    REQUIRE(rows.size() > 1);
    REQUIRE(rows[0] == std::vector<std::string>{"text", "entity", "metric", "period", "direction"});
    std::vector<bool> used(e.figures.size(), false);
    for (std::size_t r = 1; r < rows.size(); ++r) {
      const auto& row = rows[r];
      INFO(row[0]);
      ++figures;
      std::size_t k = 0;
      while (k < e.figures.size() && (used[k] || e.figures[k].text != row[0])) ++k;
      REQUIRE(k < e.figures.size());  // every labelled figure is read
      used[k] = true;
      const FigureContext& c = e.figures[k].context;
      entity += accepts(row[1], c.entity.value) ? 1 : 0;
      metric += accepts(row[2], c.metric.value) ? 1 : 0;
      period += accepts(row[3], c.period.value) ? 1 : 0;
      direction += accepts(row[4], c.direction.value) ? 1 : 0;
    }
  }
  // Session-start main (e08c7a6): entity 40, metric 38, period 0, direction 49 of 56.
  // Left wrong: a headline's `profit` (pretax in its body), `a loss` after a segment's
  // EBITDA drafted as ebitda_loss, a board's dividend carried the quarter's period, and
  // share moves with no period written (the article's day).
  CHECK(figures == 56);
  CHECK(entity == 56);
  CHECK(metric == 54);
  CHECK(period == 50);
  CHECK(direction == 54);
}
