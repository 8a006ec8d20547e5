// Alibaba Cloud Intelligence Group by fiscal quarter: revenue in RMB and in USD at
// the quarter's average ECB rate, year-over-year growth computed from the amounts
// against the growth the company reported, TTM revenue and the adjusted EBITA
// margin. Every number is an exact decimal, rounded once for display.
//
//   cloud_growth [FINANCIALS_CSV] [--fx ECB_FILE]
//   cloud_growth data/alibaba/financials.csv --fx ../shared/data/fx/ecb-eurofxref-hist.csv
//
// How each column is computed: docs/examples.md.
#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include <finmetrics/currency/iso4217.hpp>
#include <finmetrics/decimal/decimal.hpp>
#include <finmetrics/fx/ecb.hpp>
#include <finmetrics/fx/fx_table.hpp>
#include <finmetrics/io/csv.hpp>
#include <finmetrics/series/growth.hpp>
#include <finmetrics/series/series_csv.hpp>
#include <finmetrics/series/time_series.hpp>
#include <finmetrics/series/ttm.hpp>
#include <finmetrics/time/fiscal_calendar.hpp>
#include <finmetrics/time/parse_period.hpp>
#include <finmetrics/time/period.hpp>

namespace {

using namespace finmetrics;

constexpr std::string_view entity = "Alibaba/Cloud Intelligence Group";
constexpr std::string_view default_financials = "data/alibaba/financials.csv";
constexpr std::string_view default_fx = "../shared/data/fx/ecb-eurofxref-hist.csv";
const std::set<std::string, std::less<>> wanted_metrics{"revenue", "revenue_yoy_growth", "adjusted_ebita",
                                                        "adjusted_ebita_margin"};

// ---------------------------------------------------------------------------
// Reading the file

/// A row of the file that the table may use, with what the series loader drops.
struct FileRow {
  std::string metric;
  std::optional<Period> period;  ///< as the loader reads it (windows are never selected)
  std::string source;
  std::string status;
};

/// The file with every row outside the table's series blanked (line numbers kept,
/// so the loader's messages still point into the real file), and those rows.
struct Selection {
  std::string text;
  std::vector<FileRow> rows;
};

Result<std::string> read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return unexpected(make_error(Errc::io, fmt::format("cannot open '{}'", file.string()), file.string()));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The series loader reads single periods; the file also holds windows
// (`FY2025 Q3..FY2026 Q2`) and metrics outside its vocabulary, in rows this table
// does not need. Those rows become blank lines, which the loader skips.
Selection select_rows(std::string_view text) {
  csv::RecordSplitter splitter;
  splitter.feed(text);
  Selection out;
  out.text.reserve(text.size());
  std::vector<std::string_view> fields;
  std::string scratch;
  std::size_t c_entity = 0, c_metric = 1, c_period = 2, c_source = 6, c_status = 7;
  bool header = true;
  auto take = [&](const csv::RawRecord& record) {
    const std::size_t breaks = static_cast<std::size_t>(std::count(record.text.begin(), record.text.end(), '\n'));
    const bool split = !record.too_long && csv::split_record(record.text, fields, scratch).has_value();
    if (header || !split) {  // the header, and broken rows, which the loader then reports
      if (header && split) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
          if (fields[i] == "entity") c_entity = i;
          if (fields[i] == "metric") c_metric = i;
          if (fields[i] == "period") c_period = i;
          if (fields[i] == "source") c_source = i;
          if (fields[i] == "status") c_status = i;
        }
      }
      header = false;
      out.text.append(record.text);
      out.text += '\n';
      return;
    }
    const auto field = [&](std::size_t c) { return c < fields.size() ? std::string(fields[c]) : std::string(); };
    if (field(c_entity) == entity && wanted_metrics.count(field(c_metric)) > 0) {
      auto period = parse_period(field(c_period), PeriodContext{FiscalCalendar{date::March}, std::nullopt});
      out.rows.push_back(FileRow{field(c_metric), period ? std::optional(*period) : std::nullopt, field(c_source),
                                 field(c_status)});
      out.text.append(record.text);
      out.text += '\n';
    } else {
      out.text.append(breaks + 1, '\n');
    }
  };
  while (auto record = splitter.next()) take(*record);
  if (auto record = splitter.finish()) take(*record);
  return out;
}

SeriesCsvOptions financials_options() {
  SeriesCsvOptions o;
  o.periods.calendar = FiscalCalendar{date::March};
  // Rates as reported, in percent: neither summed nor converted.
  for (const char* name : {"revenue_yoy_growth", "adjusted_ebita_margin"}) {
    Metric rate;  // the checker's fields keep their defaults
    rate.name = name;
    rate.kind = MetricKind::ratio;
    rate.dimension = Dimension::percent;
    o.metrics.push_back(rate);
  }
  return o;
}

// ---------------------------------------------------------------------------
// Exact helpers

/// `v` of a series stated in `scale`, in billions (the digits move, nothing rounds).
Decimal in_billions(const Decimal& v, Scale scale) { return v.shifted(scale.exponent - 9); }

/// Half a unit of the last stated digit: 13 -> 0.5, 8.0 -> 0.05, 27.648 -> 0.0005.
Decimal half_quantum(const Decimal& v) { return Decimal::from_parts(5, v.exponent() - 1); }

/// 1 + p% exactly.
Decimal growth_factor(const Decimal& percent) { return (Decimal::from_integer(100) + percent).shifted(-2); }

/// A fraction as a percentage to 0.1%, rounded once (0.344951.. -> 34.5).
std::string percent_1dp(const Decimal& numerator, const Decimal& denominator) {
  return Decimal::divide(numerator, denominator, -3).shifted(2).to_string();
}

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

/// `Oct-Dec 2024`, or `Dec 2024-Feb 2025` across a year end.
std::string months_of(const Period& p) {
  static constexpr std::array<std::string_view, 12> names{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const Date first = p.first_day();
  const Date last = p.last_day();
  const auto name = [&](const Date& d) { return names.at(unsigned{d.month()} - 1); };
  if (first.year() == last.year()) return fmt::format("{}-{} {}", name(first), name(last), int{last.year()});
  return fmt::format("{} {}-{} {}", name(first), int{first.year()}, name(last), int{last.year()});
}

/// Prints `text` wrapped at `width` columns, continuation lines indented by `indent`.
void print_wrapped(std::string_view text, std::size_t indent = 3, std::size_t width = 100) {
  std::string line;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(pos, end - pos);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      fmt::print("{}\n", line);
      line = std::string(indent, ' ');
    } else if (!line.empty() && line.find_first_not_of(' ') != std::string::npos) {
      line += ' ';
    }
    line += word;
    pos = end + 1;
  }
  if (!line.empty()) fmt::print("{}\n", line);
}

// ---------------------------------------------------------------------------
// Footnotes: one letter per reason, each listing the quarters it applies to.

struct Note {
  std::string key;
  std::string head;
  std::vector<std::string> items;
  std::string tail;
};

class Notes {
 public:
  /// The letter of note `key` (created from `head` and `tail` on first use), with
  /// `item` added to its list once; an empty `item` adds nothing.
  std::string mark(const std::string& key, std::string head, const std::string& item = {}, std::string tail = {}) {
    auto it = std::find_if(notes_.begin(), notes_.end(), [&](const Note& n) { return n.key == key; });
    if (it == notes_.end()) {
      notes_.push_back(Note{key, std::move(head), {}, std::move(tail)});
      it = notes_.end() - 1;
    }
    if (!item.empty() && std::find(it->items.begin(), it->items.end(), item) == it->items.end())
      it->items.push_back(item);
    return std::string(1, static_cast<char>('a' + (it - notes_.begin())));
  }
  void print() const {
    for (std::size_t i = 0; i < notes_.size(); ++i) {
      const Note& n = notes_[i];
      print_wrapped(fmt::format("{}  {}{}{}", static_cast<char>('a' + i), n.head, join(n.items),
                                n.tail.empty() && !n.items.empty() ? "." : n.tail));
    }
  }

 private:
  std::vector<Note> notes_;
};

// ---------------------------------------------------------------------------
// The table

struct Cell {
  std::string text;
  std::string mark;  ///< footnote letter, or empty
};

Cell missing(std::string mark) { return Cell{"-", std::move(mark)}; }

enum class Align { left, decimal_point };

struct Column {
  std::string title;     ///< first header line
  std::string subtitle;  ///< second header line
  Align align = Align::decimal_point;
};

void print_table(const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows) {
  // Numbers line up on their decimal point, a missing "-" where the units digit
  // would be; a footnote letter follows its value after a space.
  const std::size_t n = columns.size();
  std::vector<std::size_t> int_width(n, 0), frac_width(n, 0), width(n, 0);
  const auto rendered = [](const Cell& cell) { return cell.mark.empty() ? cell.text : cell.text + " " + cell.mark; };
  const auto split = [](const std::string& s) {
    const std::size_t dot = s.find('.');
    const std::size_t end = dot == std::string::npos ? s.find(' ') : dot;
    return end == std::string::npos ? std::pair{s, std::string()} : std::pair{s.substr(0, end), s.substr(end)};
  };
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < n; ++c) {
      const std::string text = rendered(row[c]);
      const auto [whole, fraction] = split(text);
      int_width[c] = std::max(int_width[c], whole.size());
      frac_width[c] = std::max(frac_width[c], fraction.size());
      width[c] = std::max(width[c], text.size());
    }
  }
  for (std::size_t c = 0; c < n; ++c) {
    if (columns[c].align == Align::decimal_point) width[c] = int_width[c] + frac_width[c];
    width[c] = std::max({width[c], columns[c].title.size(), columns[c].subtitle.size()});
  }
  const auto pad = [](const std::string& s, std::size_t w, bool left) {
    return left ? fmt::format("{:<{}}", s, w) : fmt::format("{:>{}}", s, w);
  };
  const auto emit = [](std::string out) {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    fmt::print("{}\n", out);
  };
  std::string titles, subtitles, rules;
  for (std::size_t c = 0; c < n; ++c) {
    if (c > 0) titles += "  ", subtitles += "  ", rules += "  ";
    const bool left = columns[c].align == Align::left;
    titles += pad(columns[c].title, width[c], left);
    subtitles += pad(columns[c].subtitle, width[c], left);
    rules += std::string(width[c], '-');
  }
  emit(titles);
  emit(subtitles);
  emit(rules);
  for (const auto& row : rows) {
    std::string out;
    for (std::size_t c = 0; c < n; ++c) {
      if (c > 0) out += "  ";
      std::string text = rendered(row[c]);
      if (columns[c].align == Align::decimal_point) {
        const auto [whole, fraction] = split(text);
        // The block of aligned numbers sits at the right of a wider title.
        text = std::string(width[c] - int_width[c] - frac_width[c], ' ') +
               fmt::format("{:>{}}{:<{}}", whole, int_width[c], fraction, frac_width[c]);
      }
      out += pad(text, width[c], true);
    }
    emit(out);
  }
}

/// "guba.sina.com.cn" from "https://guba.sina.com.cn/?s=thread (note)".
std::string site_of(std::string_view address) {
  for (std::string_view scheme : {"https://", "http://"}) {
    if (address.substr(0, scheme.size()) == scheme) address.remove_prefix(scheme.size());
  }
  if (address.substr(0, 4) == "www.") address.remove_prefix(4);
  const std::size_t end = address.find_first_of("/?# ");
  return std::string(address.substr(0, end));
}

/// The sites a row cites (sources separated by "; "), each once.
std::set<std::string> sites_of(std::string_view source) {
  std::set<std::string> out;
  while (!source.empty()) {
    const std::size_t end = source.find("; ");
    const std::string site = site_of(source.substr(0, end));
    if (!site.empty()) out.insert(site);
    if (end == std::string_view::npos) break;
    source.remove_prefix(end + 2);
  }
  return out;
}

int usage(std::FILE* to, int status) {
  std::fprintf(to, "usage: cloud_growth [FINANCIALS_CSV] [--fx ECB_FILE]\n"
                   "  FINANCIALS_CSV  default data/alibaba/financials.csv\n"
                   "  --fx ECB_FILE   the ECB history, default ../shared/data/fx/ecb-eurofxref-hist.csv;\n"
                   "                  without it the rate and USD columns are left out\n");
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  std::string financials_path(default_financials);
  std::string fx_path(default_fx);
  bool financials_given = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") return usage(stdout, 0);
    if (arg == "--fx") {
      if (i + 1 == argc) return usage(stderr, 2);
      fx_path = argv[++i];
    } else if (arg.substr(0, 5) == "--fx=") {
      fx_path = std::string(arg.substr(5));
    } else if (arg.substr(0, 1) == "-" || financials_given) {
      return usage(stderr, 2);
    } else {
      financials_path = std::string(arg);
      financials_given = true;
    }
  }

  // The file, through the series loader.
  const auto text = read_text(financials_path);
  if (!text) {
    std::fprintf(stderr, "cloud_growth: %s\n", text.error().message.c_str());
    return 2;
  }
  const Selection selection = select_rows(*text);
  const auto set = parse_series_csv(selection.text, financials_path, financials_options());
  if (!set) {
    std::fprintf(stderr, "cloud_growth: %s\n", set.error().message.c_str());
    return 2;
  }
  const PeriodSeries empty;
  const auto series = [&](std::string_view metric) -> const PeriodSeries& {
    const PeriodSeries* s = set->find(entity, metric);
    return s ? *s : empty;
  };
  const PeriodSeries revenue = select_kind(series("revenue"), PeriodKind::fiscal_quarter);
  const PeriodSeries revenue_years = select_kind(series("revenue"), PeriodKind::fiscal_year);
  const PeriodSeries ebita = select_kind(series("adjusted_ebita"), PeriodKind::fiscal_quarter);
  const PeriodSeries growth_reported = series("revenue_yoy_growth");
  const PeriodSeries margin_reported = series("adjusted_ebita_margin");
  if (revenue.count_present() == 0) {
    std::fprintf(stderr, "cloud_growth: %s holds no quarterly revenue of %.*s\n", financials_path.c_str(),
                 static_cast<int>(entity.size()), entity.data());
    return 1;
  }
  const Scale rev_scale = revenue.scale();
  const PeriodSeries trailing = ttm(revenue);
  GrowthOptions to_tenth_of_percent;
  to_tenth_of_percent.exponent = -3;  // a fraction to 0.001 is a percentage to 0.1, rounded once
  const auto growth = yoy(revenue, to_tenth_of_percent);
  if (!growth) {
    std::fprintf(stderr, "cloud_growth: %s\n", growth.error().message.c_str());
    return 1;
  }

  // The ECB history, when it is there.
  std::optional<FxTable> fx;
  if (std::filesystem::exists(fx_path)) {
    auto table = load_ecb_csv(fx_path);
    if (!table) {
      std::fprintf(stderr, "cloud_growth: %s\n", table.error().message.c_str());
      return 2;
    }
    fx = std::move(*table);
  }

  // What the table shows, row by row; `used` collects the file rows it rests on.
  std::set<std::pair<std::string, Period>> used;
  const auto value_of = [&](const PeriodSeries& s, const Period& p, std::string_view metric) -> std::optional<Decimal> {
    auto v = s.at(p);
    if (v) used.insert({std::string(metric), p});
    return v;
  };

  Notes notes;
  std::vector<Column> columns{{"quarter", "", Align::left}, {"months", "", Align::left}, {"revenue", "RMB bn"}};
  if (fx) {
    columns.push_back({"CNY/USD", "mean"});
    columns.push_back({"ECB", "days"});
    columns.push_back({"revenue", "USD bn"});
  }
  columns.push_back({"YoY %", "computed"});
  columns.push_back({"YoY %", "reported"});
  columns.push_back({"agree", "", Align::left});
  columns.push_back({"TTM", "RMB bn"});
  columns.push_back({"adj. EBITA", "RMB bn"});
  columns.push_back({"margin %", "computed"});
  columns.push_back({"margin %", "reported"});

  std::vector<std::vector<Cell>> rows;
  const Period first = revenue.key(0);
  const Period last = revenue.key(revenue.size() - 1);
  for (Period q = first; q <= last; q = q.next()) {
    const std::string name = q.to_string();
    std::vector<Cell> row{{name, ""}, {months_of(q), ""}};
    const auto rev = value_of(revenue, q, "revenue");
    const std::optional<Decimal> rev_bn = rev ? std::optional(in_billions(*rev, rev_scale)) : std::nullopt;
    const std::string no_revenue =
        rev ? std::string()
            : notes.mark("revenue", "no Cloud revenue in the file for ", name,
                         " (found in no source, see data/alibaba/README.md), so nothing derived from it either.");
    row.push_back(rev_bn ? Cell{rev_bn->to_string(), ""} : missing(no_revenue));

    if (fx) {
      const auto rate = fx->average(CNY, USD, q.first_day(), q.last_day());
      if (rate) {
        row.push_back({rate->value_rescaled(-5).to_string(), ""});
        row.push_back({std::to_string(rate->averaging()->count), ""});
        // The USD figure is stated to the RMB figure's quantum: converting adds no precision.
        row.push_back(rev_bn ? Cell{rate->convert(*rev_bn, rev_bn->exponent()).to_string(), ""}
                             : missing(no_revenue));
      } else {
        const std::string m = notes.mark("fx", "no ECB CNY and USD fixings in the quarter: ", name);
        row.push_back(missing(m));
        row.push_back(missing(m));
        row.push_back(missing(m));
      }
    }

    // Growth computed, exactly, against the same quarter a year earlier.
    const Period base_period = q.year_ago();
    const auto base = value_of(revenue, base_period, "revenue");
    const std::optional<Decimal> base_bn = base ? std::optional(in_billions(*base, rev_scale)) : std::nullopt;
    Cell computed;
    const auto g = growth->at(q);  // missing over a zero or negative base too (GrowthOptions)
    if (g) {
      computed = {g->shifted(2).to_string(), ""};
    } else if (!rev_bn) {
      computed = missing(no_revenue);
    } else if (base_bn) {
      computed = missing(notes.mark("sign", "growth over a zero or negative base is not shown: ", name));
    } else {
      computed = missing(notes.mark("base", "no revenue in the file for the quarter a year earlier: ",
                                    fmt::format("{} (base of {})", base_period.to_string(), name)));
    }
    const auto reported = value_of(growth_reported, q, "revenue_yoy_growth");
    const Cell reported_cell =
        reported ? Cell{reported->to_string(), ""}
                 : missing(notes.mark("no_growth", "no reported revenue growth in the file for ", name));

    Cell agrees;
    if (!g) {
      agrees = missing(computed.mark);
    } else if (!reported) {
      agrees = missing(reported_cell.mark);
    } else {
      // A reported "13" allows [12.5, 13.5): compare the exact quotient, by multiplying out.
      const Decimal lo = *reported - half_quantum(*reported);
      const Decimal hi = *reported + half_quantum(*reported);
      const bool exact_in = *base_bn * growth_factor(lo) <= *rev_bn && *rev_bn < *base_bn * growth_factor(hi);
      const auto range = fmt::format("[{}%, {}%)", lo.to_string(), hi.to_string());
      const Decimal exact4 = Decimal::divide(*rev_bn - *base_bn, *base_bn, -6).shifted(2);
      if (exact_in) {
        agrees = {"yes", ""};
        const Decimal shown = Decimal::parse(computed.text).value();
        if (!(lo <= shown && shown < hi)) {
          agrees.mark = notes.mark(
              "edge_" + name, "", "",
              fmt::format("{}: the computed growth is {}% to four decimals, inside {} although it shows as {}.", name,
                          exact4.to_string(), range, computed.text));
        }
      } else {
        // The amounts are rounded too: 26.5 stands for [26.45, 26.55).
        const Decimal c_lo = *rev_bn - half_quantum(*rev_bn), c_hi = *rev_bn + half_quantum(*rev_bn);
        const Decimal b_lo = *base_bn - half_quantum(*base_bn), b_hi = *base_bn + half_quantum(*base_bn);
        const bool possible = c_lo < b_hi * growth_factor(hi) && b_lo * growth_factor(lo) < c_hi;
        const Decimal g_lo = (Decimal::divide(c_lo, b_hi, -4, Rounding::floor) - Decimal::from_integer(1)).shifted(2);
        const Decimal g_hi = (Decimal::divide(c_hi, b_lo, -4, Rounding::ceiling) - Decimal::from_integer(1)).shifted(2);
        agrees = {possible ? "rounding" : "NO", ""};
        agrees.mark = notes.mark(
            "off_" + name, "", "",
            fmt::format("{}: {} / {} gives {}% to four decimals, outside the reported {}% {}; with the amounts "
                        "taken as rounded ({} stands for [{}, {}), {} for [{}, {})) growth lies in [{}%, {}%], "
                        "which {} it.",
                        name, rev_bn->to_string(), base_bn->to_string(), exact4.to_string(), reported->to_string(),
                        range, rev_bn->to_string(), c_lo.to_string(), c_hi.to_string(), base_bn->to_string(),
                        b_lo.to_string(), b_hi.to_string(), g_lo.to_string(), g_hi.to_string(),
                        possible ? "overlaps" : "does not reach"));
      }
    }
    row.push_back(computed);
    row.push_back(reported_cell);
    row.push_back(agrees);

    // Trailing twelve months: four consecutive quarters of the file, summed exactly.
    const auto t = trailing.at(q);
    if (t) {
      for (Period p = q, stop = q.year_ago(); stop < p; p = p.previous()) used.insert({"revenue", p});
      Cell cell{in_billions(*t, rev_scale).to_string(), ""};
      // At a fiscal Q4 the TTM is the fiscal year: set it against the year's own row.
      const Period year = Period::fiscal_year(q.calendar(), q.year());
      if (q.index() == 4 && revenue_years.at(year)) {
        const Decimal total = in_billions(*value_of(revenue_years, year, "revenue"), revenue_years.scale());
        Decimal slack;
        for (Period p = q, stop = q.year_ago(); stop < p; p = p.previous())
          slack += half_quantum(in_billions(*revenue.at(p), rev_scale));
        const Decimal sum = in_billions(*t, rev_scale);
        const bool fits = sum - slack <= total && total < sum + slack;
        cell.mark = notes.mark(
            "fy_" + name, "", "",
            fmt::format("{}: the TTM is the fiscal year {}, whose own row in the file is {}, {} {} the sum. The "
                        "four quarters, each give or take half its last stated digit, allow [{}, {}), which {} it.",
                        name, year.to_string(), total.to_string(), (total - sum).abs().to_string(),
                        total < sum ? "below" : "above", (sum - slack).trimmed().to_string(),
                        (sum + slack).trimmed().to_string(), fits ? "holds" : "does not hold"));
      }
      row.push_back(cell);
    } else if (!rev_bn) {
      row.push_back(missing(no_revenue));
    } else {
      std::vector<std::string> gaps;
      for (Period p = q.previous(), stop = q.year_ago(); stop < p; p = p.previous())
        if (!revenue.at(p)) gaps.push_back(p.to_string());
      std::reverse(gaps.begin(), gaps.end());
      row.push_back(missing(notes.mark("ttm", "TTM needs the quarter and the three before it in the file: ",
                                       fmt::format("{} (lacks {})", name, join(gaps)))));
    }

    // Adjusted EBITA and its margin.
    const auto e = value_of(ebita, q, "adjusted_ebita");
    const std::optional<Decimal> e_bn = e ? std::optional(in_billions(*e, ebita.scale())) : std::nullopt;
    const std::string no_ebita =
        e ? std::string() : notes.mark("ebita", "no Cloud adjusted EBITA in the file for ", name);
    row.push_back(e_bn ? Cell{e_bn->to_string(), ""} : missing(no_ebita));
    if (e_bn && rev_bn) row.push_back({percent_1dp(*e_bn, *rev_bn), ""});
    else row.push_back(missing(e_bn ? no_revenue : no_ebita));
    const auto m = value_of(margin_reported, q, "adjusted_ebita_margin");
    row.push_back(m ? Cell{m->to_string(), ""}
                    : missing(notes.mark("no_margin", "no reported adjusted EBITA margin in the file for ", name)));
    rows.push_back(std::move(row));
  }

  fmt::print("Alibaba Cloud Intelligence Group by fiscal quarter (fiscal years end on March 31)\n");
  fmt::print("RMB bn as the file states them; growth and margins in %, computed from the amounts and as reported\n\n");
  print_table(columns, rows);
  fmt::print("\n");
  notes.print();

  // Sources: the file rows the table rests on, by site.
  std::size_t count = 0, confirmed = 0;
  std::map<std::string, std::size_t> sites;
  for (const FileRow& r : selection.rows) {
    if (!r.period || used.count({r.metric, *r.period}) == 0) continue;
    ++count;
    if (r.status == "confirmed") ++confirmed;
    for (const std::string& site : sites_of(r.source)) ++sites[site];
  }
  std::vector<std::pair<std::string, std::size_t>> by_count(sites.begin(), sites.end());
  std::stable_sort(by_count.begin(), by_count.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> listed;
  for (const auto& [site, n] : by_count) listed.push_back(fmt::format("{} {}", site, n));
  fmt::print("\n");
  print_wrapped(fmt::format("Sources: {} rows of {} ({} confirmed, {} unconfirmed); rows citing each site: {}.",
                            count, financials_path, confirmed, count - confirmed, join(listed)),
                2);
  if (fx) {
    print_wrapped(fmt::format("FX: ECB euro reference rates ({}). CNY/USD on a day is USD per EUR / CNY per EUR; "
                              "the quarter's rate is the mean over the days of the quarter on which both are "
                              "published (ECB days), rounded once to 10 significant digits (shown to 5 decimals). "
                              "USD bn = RMB bn x that mean, rounded once (half even) to the RMB figure's own "
                              "precision.",
                              fx_path),
                  2);
  } else {
    fmt::print("USD: the USD column needs the ECB history ({} not found; pass --fx ECB_FILE).\n", fx_path);
  }
  return 0;
}
