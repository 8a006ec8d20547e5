#include "finmetrics/io/read_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

namespace finmetrics {

std::string describe_byte_limit(std::size_t bytes) {
  if (bytes >= (std::size_t{1} << 20) && bytes % (std::size_t{1} << 20) == 0)
    return fmt::format("{} MiB ({} bytes)", bytes >> 20, bytes);
  return fmt::format("{} bytes", bytes);
}

namespace {

// Appends the rest of `in` to `text` (reserved by the caller when the size is known).
Result<std::string> read_into(std::FILE* in, std::string_view name, std::size_t max_bytes, std::string text) {
  char buffer[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, in)) > 0) {
    // One byte past the limit says there is more; nothing beyond it is kept.
    if (max_bytes != 0 && text.size() + n > max_bytes)
      return unexpected(make_error(
          Errc::out_of_range, fmt::format("'{}' is longer than {}, the most read from one file: not read", name,
                                describe_byte_limit(max_bytes)),
          std::string(name)));
    text.append(buffer, n);
  }
  if (std::ferror(in))
    return unexpected(make_error(Errc::io, fmt::format("cannot read '{}': {}", name, std::strerror(errno)),
                                 std::string(name)));
  return text;
}

}  // namespace

Result<std::string> read_stream(std::FILE* in, std::string_view name, std::size_t max_bytes) {
  return read_into(in, name, max_bytes, std::string());
}

Result<std::string> read_file(const std::filesystem::path& file, std::size_t max_bytes) {
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
  // A regular file says its size: one beyond the limit is refused before a byte is read.
  std::string text;
  if (const auto size = std::filesystem::file_size(file, ec); !ec && std::filesystem::is_regular_file(file, ec)) {
    if (max_bytes != 0 && size > max_bytes)
      return unexpected(make_error(
          Errc::out_of_range, fmt::format("'{}' is longer than {}, the most read from one file: not read",
                                file.string(), describe_byte_limit(max_bytes)),
          file.string()));
    // Room for the whole file at once: growing by doubling copied and faulted in
    // twice its size (a 1.9 MB ECB table: ~900 page faults of a normalize start-up).
    text.reserve(static_cast<std::size_t>(size) + 1);
  }
  return read_into(f.get(), file.string(), max_bytes, std::move(text));
}

}  // namespace finmetrics
