#pragma once
// A small SVG line chart over dates for the HTML report: series as lines,
// values as marked points, intervals as shaded bands, reference lines. Doubles
// here are screen coordinates only; the report's numbers come from Decimals.
// Private to src/check/.

#include <string>
#include <vector>

namespace finmetrics::report_detail {

struct ChartPoint {
  double day = 0;  ///< days since 1970-01-01
  double value = 0;
};

struct ChartLine {
  std::string label;
  std::vector<ChartPoint> points;  ///< sorted by day
  std::string css;                 ///< class: "series", "series2"
};

struct ChartMark {  ///< one value at one day, labelled
  ChartPoint at;
  std::string label;
  std::string css;  ///< "used", "claimed", "computed"
};

struct ChartBand {  ///< a horizontal band [low, high] over [from, to] (the whole width when from == to)
  double low = 0, high = 0;
  double from = 0, to = 0;
  std::string label;
  std::string css;  ///< "claimed", "computed"
};

struct ChartLevel {  ///< a horizontal dashed line
  double value = 0;
  std::string label;
  std::string css;
};

struct Chart {
  std::string kind;  ///< "price", "market_cap", "series", "fx", "intervals"
  std::string title;
  std::string y_label;  ///< unit of the values: "USD per ADS", "bn USD", "%"
  std::vector<ChartLine> lines;
  std::vector<ChartBand> bands;
  std::vector<ChartLevel> levels;
  std::vector<ChartMark> marks;
  /// Discrete x axis (periods) instead of dates: labels at the marks' days.
  std::vector<std::pair<double, std::string>> x_labels;
};

/// The chart as an inline <svg> element (with <title> and a text legend), or
/// "" when it has nothing to draw.
[[nodiscard]] std::string render_svg(const Chart& chart, const std::string& id);

/// 1234567 -> "1.23mn", 84.79 -> "84.79", 0.1388 -> "0.1388": short tick labels.
[[nodiscard]] std::string short_number(double v);

}  // namespace finmetrics::report_detail
