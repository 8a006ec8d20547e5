#pragma once
// An output file written around the page cache (O_DIRECT) where the file system
// allows it: bytes are staged in an aligned buffer and written in whole blocks,
// the unaligned tail at the end through the page cache. Copying a normalize run's
// 44 MB (v1) or 70 MB (v2) into the page cache cost the kernel 0.06-0.12 s of CPU
// on this VM, a third of a v1 run's CPU; a direct write costs ~0.01-0.02 s (dd).
// The bytes of the file are the same either way.
//
// What is written is also made durable while the run goes on: a thread of its
// own calls fdatasync once a few megabytes more are out, so that the commit's
// fsync (still made, before the rename) waits for the last megabytes only. It
// waited for the device to take the whole file: ~50-75 ms of a 70 MB v2 output
// on this VM, after all the work was done.
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string_view>
#include <thread>

namespace finmetrics::cli {

class DirectOutput {
 public:
  /// Writes to `fd` (an empty regular file, at offset 0) from now on; O_DIRECT is
  /// turned on when the file system takes it, else the writes are ordinary ones.
  explicit DirectOutput(int fd);
  DirectOutput(const DirectOutput&) = delete;
  DirectOutput& operator=(const DirectOutput&) = delete;
  ~DirectOutput();

  /// Appends bytes; whole blocks go out once a megabyte is staged. Throws
  /// std::runtime_error("cannot write the output: <reason>") on a write error.
  void append(std::string_view bytes);
  /// Writes what is staged (the tail without O_DIRECT), turns O_DIRECT off and
  /// waits for an early sync under way: after it the file holds every byte
  /// appended. Throws as `append`, and when an early sync failed (its error is
  /// the file's: the commit's own fsync might no longer see it).
  void finish();
  /// Whether the writes go around the page cache.
  [[nodiscard]] bool direct() const noexcept { return direct_; }

 private:
  void write_blocks(bool all);
  void write_all(const char* p, std::size_t n);
  void set_direct(bool on) noexcept;
  void request_sync();
  void stop_syncing() noexcept;
  void sync_loop();

  int fd_;
  bool direct_ = false;
  char* buffer_ = nullptr;
  std::size_t used_ = 0;
  std::size_t unsynced_ = 0;  // bytes written since the last early sync was asked for
  // The early syncs: asked for by the writing thread, made by `syncer_`.
  std::mutex mutex_;
  std::condition_variable wake_;
  bool sync_wanted_ = false, stopping_ = false;
  int sync_error_ = 0;  // errno of a failed early sync
  std::thread syncer_;  // started at the first sync asked for
};

}  // namespace finmetrics::cli
