#include "finmetrics/fx/load.hpp"

#include <fstream>
#include <string>

#include <fmt/format.h>

#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/fx/fred_h10.hpp"
#include "finmetrics/fx/fx_csv.hpp"

namespace finmetrics {

Result<FxTable> load_fx_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string first;
  if (!in || !std::getline(in, first))
    return unexpected(make_error(Errc::io, "cannot read the file (missing or empty)", file.string()));
  if (first.rfind("\xEF\xBB\xBF", 0) == 0) first.erase(0, 3);
  if (!first.empty() && first.back() == '\r') first.pop_back();
  if (first.rfind("Date,USD", 0) == 0 || (first.rfind("Date,", 0) == 0 && first.find("Country") == std::string::npos))
    return load_ecb_csv(file);
  if (first.rfind("Date,Country,", 0) == 0) return load_fred_h10_csv(file);
  if (first.rfind("date,base,quote,rate", 0) == 0) return load_fx_csv(file);  // with or without ",source"
  return unexpected(make_error(
      Errc::csv,
      fmt::format("unknown FX file layout: the first line is '{}'; expected an ECB wide header 'Date,USD,...', "
                  "FRED H.10 'Date,Country,Exchange rate' or 'date,base,quote,rate'",
                  first.substr(0, 60)),
      file.string()));
}

}  // namespace finmetrics
