#include "finmetrics/fx/load.hpp"

#include <string>

#include <fmt/format.h>

#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/fx/fred_h10.hpp"
#include "finmetrics/fx/fx_csv.hpp"
#include "finmetrics/io/read_file.hpp"

namespace finmetrics {

Result<FxTable> load_fx_file(const std::filesystem::path& file) { return load_fx_file(file, FxLoadOptions{}); }

Result<FxTable> load_fx_file(const std::filesystem::path& file, const FxLoadOptions& options) {
  auto text = read_file(file);  // says so when `file` is a directory or missing
  if (!text) return unexpected(text.error());
  const std::string name = file.string();
  std::string_view rest(*text);
  if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
  while (!rest.empty() && (rest.front() == '\n' || rest.front() == '\r')) rest.remove_prefix(1);  // blank lines
  if (rest.empty()) return unexpected(make_error(Errc::csv, fmt::format("{}: empty file, no header line", name), name));
  std::string_view first = rest.substr(0, rest.find('\n'));
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  if (first.rfind("Date,USD", 0) == 0 || (first.rfind("Date,", 0) == 0 && first.find("Country") == std::string::npos)) {
    EcbOptions ecb;
    ecb.only = options.only;
    return parse_ecb_csv(*text, name, ecb);
  }
  if (first.rfind("Date,Country,", 0) == 0) return parse_fred_h10_csv(*text, name);
  if (first.rfind("date,base,quote,rate", 0) == 0) {  // with or without ",source"
    FxCsvOptions csv;
    csv.source = file.filename().string();
    return parse_fx_csv(*text, name, csv);
  }
  return unexpected(make_error(
      Errc::csv,
      fmt::format("{}: unknown FX file layout: the first line is '{}'; expected an ECB wide header 'Date,USD,...', "
                  "FRED H.10 'Date,Country,Exchange rate' or 'date,base,quote,rate'",
                  name, quote_for_message(first, 60)),
      name));
}

}  // namespace finmetrics
