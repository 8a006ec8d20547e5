#pragma once
/// \file
/// A whole file as text, for the loaders that parse from memory.

#include <filesystem>
#include <string>

#include "finmetrics/error.hpp"

namespace finmetrics {

/// The bytes of `file`, or an `Errc::io` error naming it and the system's reason
/// ("cannot open 'x.csv': No such file or directory").
[[nodiscard]] Result<std::string> read_file(const std::filesystem::path& file);

}  // namespace finmetrics
