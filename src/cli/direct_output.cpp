#include "direct_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>

namespace finmetrics::cli {

namespace {

constexpr std::size_t block = 4096;              // alignment of buffer, sizes and offsets
// Bytes staged before whole blocks go out: a megabyte, each page of it mapped
// once and reused (4 MB staged a v2 batch's 2.6 MB whole: ~1,000 page faults of
// ~9 us on the VM, where 1 MB is ~250; the writes are larger than the device's).
constexpr std::size_t capacity = std::size_t{1} << 20;
constexpr std::size_t high_water = capacity;
// Bytes written between two early syncs: a 70 MB output is synced ~17 times, a
// journal commit and a device flush each, on a thread that only waits.
constexpr std::size_t sync_every = std::size_t{4} << 20;

[[noreturn]] void write_error(int error) {
  throw std::runtime_error(std::string("cannot write the output: ") + std::strerror(error));
}

}  // namespace

DirectOutput::DirectOutput(int fd) : fd_(fd) {
  void* p = nullptr;
  if (::posix_memalign(&p, block, capacity) != 0) throw std::bad_alloc();
  buffer_ = static_cast<char*>(p);
  set_direct(true);
}

DirectOutput::~DirectOutput() {
  stop_syncing();
  std::free(buffer_);
}

void DirectOutput::request_sync() {
  const std::lock_guard lock(mutex_);
  if (!syncer_.joinable()) syncer_ = std::thread([this] { sync_loop(); });
  sync_wanted_ = true;
  wake_.notify_one();
}

// Syncs while asked to (one request stands for all those made during a sync:
// each sync covers every byte written before it began).
void DirectOutput::sync_loop() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return sync_wanted_ || stopping_; });
    if (stopping_) return;
    sync_wanted_ = false;
    lock.unlock();
    const int error = ::fdatasync(fd_) == 0 ? 0 : errno;
    lock.lock();
    if (error != 0 && sync_error_ == 0) sync_error_ = error;
  }
}

// Waits for a sync under way; one asked for and not begun is left to the commit.
void DirectOutput::stop_syncing() noexcept {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
    wake_.notify_one();
  }
  if (syncer_.joinable()) syncer_.join();
}

void DirectOutput::set_direct(bool on) noexcept {
  const int flags = ::fcntl(fd_, F_GETFL);
  if (flags == -1) {
    direct_ = false;
    return;
  }
  const int wanted = on ? (flags | O_DIRECT) : (flags & ~O_DIRECT);
  direct_ = on && ::fcntl(fd_, F_SETFL, wanted) == 0;
  if (!on && (flags & O_DIRECT) != 0) (void)::fcntl(fd_, F_SETFL, wanted);
}

void DirectOutput::append(std::string_view bytes) {
  while (!bytes.empty()) {
    const std::size_t n = std::min(bytes.size(), capacity - used_);
    std::memcpy(buffer_ + used_, bytes.data(), n);
    used_ += n;
    bytes.remove_prefix(n);
    if (used_ == capacity) write_blocks(false);
  }
  if (used_ >= high_water) write_blocks(false);
}

void DirectOutput::finish() {
  write_blocks(true);
  set_direct(false);
  stop_syncing();
  if (sync_error_ != 0) write_error(sync_error_);
}

// The staged whole blocks (all: every staged byte, the tail without O_DIRECT);
// what is left is moved to the front of the buffer.
void DirectOutput::write_blocks(bool all) {
  const std::size_t whole = used_ / block * block;
  if (whole > 0) {
    write_all(buffer_, whole);
    unsynced_ += whole;
    if (unsynced_ >= sync_every && !all) {
      unsynced_ = 0;
      request_sync();
    }
  }
  if (all && used_ > whole) {
    set_direct(false);  // the tail is no whole block: through the page cache
    write_all(buffer_ + whole, used_ - whole);
    used_ = 0;
    return;
  }
  std::memmove(buffer_, buffer_ + whole, used_ - whole);
  used_ -= whole;
}

void DirectOutput::write_all(const char* p, std::size_t n) {
  while (n > 0) {
    const ssize_t k = ::write(fd_, p, n);
    if (k < 0) {
      if (errno == EINTR) continue;
      // A file system that takes O_DIRECT at fcntl but not these sizes: ordinary writes.
      if (errno == EINVAL && direct_) {
        set_direct(false);
        continue;
      }
      write_error(errno);
    }
    p += k;
    n -= static_cast<std::size_t>(k);
    // A short direct write may leave an unaligned rest: ordinary writes from here.
    if (n > 0 && direct_) set_direct(false);
  }
}

}  // namespace finmetrics::cli
