#pragma once
/// \file
/// Output files that appear whole or not at all. `AtomicFile` writes to a
/// temporary file beside the target (same directory, so the final `rename` is
/// atomic) and renames it over the target on `commit()`; anything else (an
/// error, an exception, SIGINT or SIGTERM once `remove_on_interrupt` is
/// installed) removes the temporary file and leaves the target as it was. Two
/// processes writing one target each write their own temporary file: the target
/// ends as one of the two complete outputs, never a mix. A target that exists and
/// is not a regular file (`/dev/null`, `/dev/stdout`, a FIFO) is written in place:
/// renaming over it would replace the device.

#include <cstdio>
#include <string>
#include <string_view>

#include "finmetrics/error.hpp"

namespace finmetrics {

class AtomicFile {
 public:
  /// Creates the temporary file `.<name>.XXXXXX.tmp` beside `target` (mode 0666
  /// less the umask, as `fopen` would give the target). Errors: `Errc::io` with
  /// the system's reason ("cannot write 'out/x.csv': No such file or directory").
  [[nodiscard]] static Result<AtomicFile> create(const std::string& target);

  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&& other) noexcept;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  /// Removes the temporary file unless `commit()` succeeded.
  ~AtomicFile();

  /// The stream to write to (buffered stdio); null after commit or abort.
  [[nodiscard]] std::FILE* file() const noexcept { return file_; }
  [[nodiscard]] const std::string& target() const noexcept { return target_; }
  /// The temporary file; empty when the target is written in place (not a regular file).
  [[nodiscard]] const std::string& temporary() const noexcept { return temporary_; }

  /// Flushes, syncs and closes the temporary file and renames it over the target.
  /// On failure the temporary file is removed and the target is untouched.
  [[nodiscard]] Result<void> commit();
  /// Closes and removes the temporary file; the target is untouched.
  void abort() noexcept;

 private:
  AtomicFile() = default;
  std::string target_;
  std::string temporary_;
  std::FILE* file_ = nullptr;
  int slot_ = -1;  // index in the interrupt registry (atomic_file.cpp)
};

/// Installs SIGINT and SIGTERM handlers that remove every uncommitted
/// `AtomicFile`'s temporary file, write "<program>: interrupted, removed the
/// unfinished output '<temporary>' (target '<target>' left as it was)" to stderr,
/// and then end the process by the same signal (exit status 128 + signal). Call
/// once, early in `main` or a command; idempotent. This is process-wide by nature
/// (signals are), so it is the one piece of global state here.
void remove_on_interrupt(std::string_view program);

/// Whether two paths name the same file (same device and inode: hard links and
/// other spellings of one path included). False when either does not exist.
[[nodiscard]] bool same_file(const std::string& a, const std::string& b) noexcept;

}  // namespace finmetrics
