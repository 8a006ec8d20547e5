#pragma once
/// \file
/// A whole file as text, for the loaders that parse from memory, read up to a
/// limit: a device or FIFO without end (`/dev/zero`) or a file far beyond any
/// reference table is refused by name and limit instead of growing memory until
/// allocation fails.

#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

#include "finmetrics/error.hpp"

namespace finmetrics {

/// The most `read_file` reads by default: 256 MiB, far beyond the reference
/// files it serves (a full ECB history is under 2 MB, 100,000 claims about 10 MB).
inline constexpr std::size_t default_max_file_bytes = std::size_t{256} << 20;

/// The bytes of `file`, or an `Errc::io` error naming it and the system's reason
/// ("cannot open 'x.csv': No such file or directory"); an `Errc::out_of_range`
/// error naming it and the limit when it holds more than `max_bytes` bytes (0: no
/// limit; nothing past the limit is kept).
[[nodiscard]] Result<std::string> read_file(const std::filesystem::path& file,
                                            std::size_t max_bytes = default_max_file_bytes);

/// The bytes of the open stream `in` (standard input, a FIFO) to its end, with the
/// same limit and errors as `read_file`; `name` is what the errors call it.
[[nodiscard]] Result<std::string> read_stream(std::FILE* in, std::string_view name,
                                              std::size_t max_bytes = default_max_file_bytes);

/// "256 MiB (268435456 bytes)": a limit as messages give it.
[[nodiscard]] std::string describe_byte_limit(std::size_t bytes);

}  // namespace finmetrics
