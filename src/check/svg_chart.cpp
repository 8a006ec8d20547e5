#include "svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <date/date.h>
#include <fmt/format.h>

#include "report_common.hpp"

namespace finmetrics::report_detail {

namespace {

constexpr double width = 760, plot_height = 280;
constexpr double left = 78, right = 18, top = 34, axis_bottom = 46;
constexpr double legend_row = 17;

std::string day_label(double day) {
  const date::year_month_day ymd{date::sys_days{date::days{static_cast<int>(std::lround(day))}}};
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

// "Nice" tick step for a span: 1, 2 or 5 times a power of ten.
double nice_step(double span, int ticks) {
  const double raw = span / ticks;
  const double p = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (raw <= m * p) return m * p;
  return 10 * p;
}

}  // namespace

std::string short_number(double v) {
  const double a = std::fabs(v);
  if (a >= 1e12) return fmt::format("{:.4g}tn", v / 1e12);
  if (a >= 1e9) return fmt::format("{:.4g}bn", v / 1e9);
  if (a >= 1e6) return fmt::format("{:.4g}mn", v / 1e6);
  if (a >= 1e4) return fmt::format("{:.0f}", v);
  return fmt::format("{:.6g}", v);
}

std::string render_svg(const Chart& c, const std::string& id) {
  double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
  auto see_x = [&](double x) { x0 = std::min(x0, x); x1 = std::max(x1, x); };
  auto see_y = [&](double y) {
    if (std::isfinite(y)) { y0 = std::min(y0, y); y1 = std::max(y1, y); }
  };
  for (const auto& l : c.lines)
    for (const auto& p : l.points) { see_x(p.day); see_y(p.value); }
  for (const auto& m : c.marks) { see_x(m.at.day); see_y(m.at.value); }
  for (const auto& b : c.bands) {
    if (b.from != b.to) { see_x(b.from); see_x(b.to); }
    see_y(b.low); see_y(b.high);
  }
  for (const auto& l : c.levels) see_y(l.value);
  if (!std::isfinite(x0) || !std::isfinite(y0)) return {};
  if (x1 - x0 < 1) { x0 -= 15; x1 += 15; }
  const double pad_x = (x1 - x0) * 0.04;
  x0 -= pad_x; x1 += pad_x;
  if (y1 - y0 <= std::fabs(y1) * 1e-9) { y0 -= std::max(1.0, std::fabs(y0) * 0.05); y1 += std::max(1.0, std::fabs(y1) * 0.05); }
  const double step = nice_step(y1 - y0, 5);
  y0 = std::floor(y0 / step) * step;
  y1 = std::ceil(y1 / step) * step;
  // Legend: one entry per drawn thing, flowing in rows under the x axis.
  std::vector<std::pair<std::string, std::string>> legend;
  for (const auto& l : c.lines) legend.emplace_back(l.css, l.label);
  for (const auto& b : c.bands) legend.emplace_back("band " + b.css, b.label);
  for (const auto& l : c.levels) legend.emplace_back("level " + l.css, l.label);
  for (const auto& m : c.marks) legend.emplace_back("mark " + m.css, m.label);
  struct Placed { double x, y; };
  std::vector<Placed> placed;
  double lx = left, row = 0;
  for (const auto& [css, label] : legend) {
    const double w = 22 + 6.6 * static_cast<double>(label.size()) + 18;
    if (lx + w > width - right && lx > left) { lx = left; ++row; }
    placed.push_back({lx, row});
    lx += w;
  }
  const double bottom = axis_bottom + (legend.empty() ? 0 : (row + 1) * legend_row);
  const double height = plot_height + bottom - axis_bottom;
  const double pw = width - left - right, ph = height - top - bottom;
  auto X = [&](double d) { return left + (d - x0) / (x1 - x0) * pw; };
  auto Y = [&](double v) { return top + (y1 - v) / (y1 - y0) * ph; };

  std::string s = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" "
      "aria-labelledby=\"{}-t\"><title id=\"{}-t\">{}</title>\n",
      id, width, height, id, id, html_escape(c.title));
  s += fmt::format("<text class=\"ctitle\" x=\"{}\" y=\"18\">{}</text>\n", left, html_escape(c.title));
  // Grid and y ticks.
  for (double v = y0; v <= y1 + step / 2; v += step) {
    s += fmt::format("<line class=\"grid\" x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{:.1f}\" y2=\"{:.1f}\"/>", left, width - right, Y(v), Y(v));
    s += fmt::format("<text class=\"ytick\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", left - 6, Y(v) + 4,
                     html_escape(short_number(std::fabs(v) < step / 1e6 ? 0.0 : v)));
  }
  s += fmt::format("<text class=\"ylabel\" x=\"12\" y=\"{:.1f}\" transform=\"rotate(-90 12 {:.1f})\">{}</text>\n",
                   top + ph / 2, top + ph / 2, html_escape(c.y_label));
  // X ticks: the given period labels, else about six dates.
  if (!c.x_labels.empty()) {
    // A label is drawn only where it clears the last one drawn (about 6.5 px a
    // character at the tick font): quarters a month apart would print over each other.
    double clear_from = -1e9;
    for (const auto& [d, label] : c.x_labels) {
      const double half = 3.25 * static_cast<double>(label.size()) + 4;
      if (X(d) - half < clear_from) continue;
      s += fmt::format("<text class=\"xtick\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", X(d), height - bottom + 16,
                       html_escape(label));
      clear_from = X(d) + half;
    }
  } else {
    const int n = 5;
    for (int i = 0; i <= n; ++i) {
      const double d = x0 + (x1 - x0) * i / n;
      const char* anchor = i == 0 ? "start" : i == n ? "end" : "middle";
      s += fmt::format("<text class=\"xtick\" style=\"text-anchor:{}\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", anchor, X(d),
                       height - bottom + 16, day_label(d));
    }
  }
  s += fmt::format("<line class=\"axis\" x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\"/>\n", left, width - right,
                   height - bottom, height - bottom);
  for (const auto& b : c.bands) {
    double bx0 = b.from == b.to ? left : X(b.from), bx1 = b.from == b.to ? width - right : X(b.to);
    if (bx1 - bx0 < 18) {  // a band at one day or period: wide enough to see
      const double mid = (bx0 + bx1) / 2;
      bx0 = mid - 9;
      bx1 = mid + 9;
    }
    const double lo = std::max(b.low, y0), hi = std::min(b.high, y1);
    if (hi < lo) continue;
    s += fmt::format("<rect class=\"band {}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\"><title>{}</title></rect>\n",
                     b.css, bx0, Y(hi), bx1 - bx0, std::max(3.0, Y(lo) - Y(hi)), html_escape(b.label));
  }
  for (const auto& l : c.levels)
    s += fmt::format("<line class=\"level {}\" x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\"><title>{}</title></line>\n", l.css,
                     left, width - right, Y(l.value), Y(l.value), html_escape(l.label));
  for (const auto& l : c.lines) {
    if (l.points.empty()) continue;
    std::string d;
    for (const auto& p : l.points) d += fmt::format("{}{:.1f},{:.1f}", d.empty() ? "M" : " L", X(p.day), Y(p.value));
    s += fmt::format("<path class=\"line {}\" d=\"{}\"><title>{}</title></path>\n", l.css, d, html_escape(l.label));
    if (l.points.size() <= 40)
      for (const auto& p : l.points)
        s += fmt::format("<circle class=\"dot {}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\"/>", l.css, X(p.day), Y(p.value));
  }
  for (const auto& m : c.marks) {
    s += fmt::format("<circle class=\"mark {}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\"><title>{}</title></circle>\n", m.css, X(m.at.day),
                     Y(m.at.value), html_escape(m.label));
  }
  for (std::size_t i = 0; i < legend.size(); ++i) {
    const double y = height - bottom + axis_bottom - 12 + placed[i].y * legend_row;
    s += fmt::format("<rect class=\"key {}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"12\" height=\"10\"/>", legend[i].first,
                     placed[i].x, y);
    s += fmt::format("<text class=\"keytext\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", placed[i].x + 17, y + 9,
                     html_escape(legend[i].second));
  }
  s += "</svg>\n";
  return s;
}

}  // namespace finmetrics::report_detail
