#pragma once
/// \file
/// The names of an issuer, for the context reader, from its profile
/// (`data/<issuer>/issuer.json`, the format of docs/checking.md): `issuer`,
/// `aliases`, `segments` (`name`, `aliases`) and `fiscal_year.end_month`. Other
/// keys of the profile are the checker's and are not read here.

#include <filesystem>
#include <string_view>

#include "finmetrics/error.hpp"
#include "finmetrics/extract/extract_figures.hpp"

namespace finmetrics {

/// Reads the names from the text of a profile; `file` names it in errors.
/// Errors (`csv` kind is not used): `syntax` for JSON that does not parse or a
/// field of the wrong type ("issuer.json: segments[1].name: expected a string").
[[nodiscard]] Result<IssuerNames> issuer_names_from_json(std::string_view json, std::string_view file);

/// Reads a profile file (`io` error when it cannot be read).
[[nodiscard]] Result<IssuerNames> load_issuer_names(const std::filesystem::path& file);

}  // namespace finmetrics
