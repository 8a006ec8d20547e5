#include "finmetrics/extract/issuer_names.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "finmetrics/io/read_file.hpp"

namespace finmetrics {

namespace {

Error bad(std::string_view file, std::string_view where, std::string_view why) {
  return make_error(Errc::syntax, fmt::format("{}: {}: {}", file, where, why), file);
}

// A list of strings at `key` of `j` (absent: empty).
Result<std::vector<std::string>> strings_at(const nlohmann::json& j, const char* key, std::string_view file,
                                            const std::string& where) {
  std::vector<std::string> out;
  if (!j.contains(key)) return out;
  const auto& a = j.at(key);
  if (!a.is_array()) return tl::unexpected(bad(file, where + key, "expected a list of strings"));
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!a[i].is_string()) return tl::unexpected(bad(file, fmt::format("{}{}[{}]", where, key, i), "expected a string"));
    out.push_back(a[i].get<std::string>());
  }
  return out;
}

}  // namespace

Result<IssuerNames> issuer_names_from_json(std::string_view json, std::string_view file) {
  const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return tl::unexpected(bad(file, "the file", "not a JSON object"));
  IssuerNames names;
  if (!j.contains("issuer") || !j.at("issuer").is_string() || j.at("issuer").get<std::string>().empty())
    return tl::unexpected(bad(file, "issuer", "expected the issuer's name"));
  names.name = j.at("issuer").get<std::string>();
  auto aliases = strings_at(j, "aliases", file, "");
  if (!aliases) return tl::unexpected(aliases.error());
  names.aliases = std::move(*aliases);
  if (j.contains("segments")) {
    const auto& segs = j.at("segments");
    if (!segs.is_array()) return tl::unexpected(bad(file, "segments", "expected a list"));
    for (std::size_t i = 0; i < segs.size(); ++i) {
      const std::string where = fmt::format("segments[{}].", i);
      if (!segs[i].is_object() || !segs[i].contains("name") || !segs[i].at("name").is_string())
        return tl::unexpected(bad(file, where + "name", "expected a string"));
      auto seg_aliases = strings_at(segs[i], "aliases", file, where);
      if (!seg_aliases) return tl::unexpected(seg_aliases.error());
      names.segments.push_back({segs[i].at("name").get<std::string>(), std::move(*seg_aliases)});
    }
  }
  if (j.contains("fiscal_year")) {
    const auto& fy = j.at("fiscal_year");
    if (!fy.is_object() || !fy.contains("end_month") || !fy.at("end_month").is_number_integer() ||
        fy.at("end_month").get<int>() < 1 || fy.at("end_month").get<int>() > 12)
      return tl::unexpected(bad(file, "fiscal_year.end_month", "expected a month number 1..12"));
    FiscalNaming naming = FiscalNaming::end_year;
    if (fy.contains("naming") && fy.at("naming").is_string()) {
      const std::string n = fy.at("naming").get<std::string>();
      if (n == "start_year") naming = FiscalNaming::start_year;
      else if (n == "split") naming = FiscalNaming::split;
      else if (n != "end_year") return tl::unexpected(bad(file, "fiscal_year.naming", "expected end_year, start_year or split"));
    }
    const auto month = date::month{static_cast<unsigned>(fy.at("end_month").get<int>())};
    if (naming == FiscalNaming::split && month == date::December)
      return tl::unexpected(bad(file, "fiscal_year.naming", "a year ending in December cannot be split"));
    names.calendar = FiscalCalendar{month, naming};
  }
  return names;
}

Result<IssuerNames> load_issuer_names(const std::filesystem::path& file) {
  auto text = read_file(file);
  if (!text) return tl::unexpected(text.error());
  return issuer_names_from_json(*text, file.filename().string());
}

}  // namespace finmetrics
