#include "finmetrics/io/read_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

namespace finmetrics {

Result<std::string> read_file(const std::filesystem::path& file) {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) {  // fopen opens one, and reading it fails later as "empty"
    return unexpected(make_error(Errc::io, fmt::format("cannot read '{}': it is a directory, not a file", file.string()),
                                 file.string()));
  }
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(file.c_str(), "rb"), &std::fclose);
  if (!f) {
    return unexpected(make_error(Errc::io, fmt::format("cannot open '{}': {}", file.string(), std::strerror(errno)),
                                 file.string()));
  }
  std::string text;
  char buffer[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, f.get())) > 0) text.append(buffer, n);
  if (std::ferror(f.get()))
    return unexpected(make_error(Errc::io, fmt::format("cannot read '{}'", file.string()), file.string()));
  return text;
}

}  // namespace finmetrics
