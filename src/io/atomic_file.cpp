#include "finmetrics/io/atomic_file.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <algorithm>
#include <cstring>
#include <utility>

#include <fmt/format.h>

namespace finmetrics {

namespace {

// The interrupt registry: fixed storage, because a signal handler may touch
// nothing that allocates or locks. A slot is published by `ready` (release) after
// its paths are written, and withdrawn before it is reused.
constexpr int max_slots = 32;
constexpr std::size_t max_path = 4096;

struct Slot {
  std::atomic<bool> claimed{false};  // owned by one AtomicFile
  std::atomic<bool> ready{false};    // paths complete: the handler may use them
  char temporary[max_path];
  char target[max_path];
};

Slot slots[max_slots];
char program_name[128] = "finmetrics";
std::atomic<bool> handlers_installed{false};

int register_slot(const std::string& temporary, const std::string& target) {
  if (temporary.size() >= max_path || target.size() >= max_path) return -1;
  for (int i = 0; i < max_slots; ++i) {
    bool free = false;
    if (!slots[i].claimed.compare_exchange_strong(free, true)) continue;
    std::memcpy(slots[i].temporary, temporary.c_str(), temporary.size() + 1);
    std::memcpy(slots[i].target, target.c_str(), target.size() + 1);
    slots[i].ready.store(true, std::memory_order_release);
    return i;
  }
  return -1;  // more than max_slots open at once: still atomic, only not cleaned on a signal
}

void release_slot(int slot) {
  if (slot < 0) return;
  slots[slot].ready.store(false, std::memory_order_release);
  slots[slot].claimed.store(false, std::memory_order_release);
}

void write_all(const char* s) {
  std::size_t n = std::strlen(s);
  while (n > 0) {
    const ssize_t w = ::write(STDERR_FILENO, s, n);
    if (w <= 0) return;
    s += w;
    n -= static_cast<std::size_t>(w);
  }
}

extern "C" void on_interrupt(int sig) {
  const int saved = errno;
  for (Slot& s : slots) {
    if (!s.ready.load(std::memory_order_acquire)) continue;
    if (::unlink(s.temporary) == 0) {
      write_all("\n");
      write_all(program_name);
      write_all(": interrupted, removed the unfinished output '");
      write_all(s.temporary);
      write_all("' (target '");
      write_all(s.target);
      write_all("' left as it was)\n");
    }
    s.ready.store(false, std::memory_order_release);
  }
  errno = saved;
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

// SIGINT and SIGTERM held from a temporary file's creation until its slot is
// published: an interrupt in between would otherwise leave the file behind (the
// handler cannot know it yet). A held signal is delivered when the mask returns.
class HeldInterrupts {
 public:
  HeldInterrupts() noexcept {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    ::pthread_sigmask(SIG_BLOCK, &set, &saved_);
  }
  ~HeldInterrupts() { ::pthread_sigmask(SIG_SETMASK, &saved_, nullptr); }
  HeldInterrupts(const HeldInterrupts&) = delete;
  HeldInterrupts& operator=(const HeldInterrupts&) = delete;

 private:
  sigset_t saved_{};
};

std::string directory_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return {};
  return path.substr(0, slash + 1);
}

std::string base_name(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

Error io_error(const std::string& target, std::string_view what, int err) {
  return make_error(Errc::io, fmt::format("cannot write '{}': {}{}", target, what, err ? std::strerror(err) : ""), target);
}

}  // namespace

Result<AtomicFile> AtomicFile::create(const std::string& target) {
  if (target.empty()) return unexpected(make_error(Errc::io, "cannot write '': empty file name"));
  struct stat st {};
  const bool exists = ::stat(target.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode))
    return unexpected(make_error(Errc::io, fmt::format("cannot write '{}': it is a directory", target), target));
  if (exists && !S_ISREG(st.st_mode)) {
    // A device, pipe or socket (/dev/null, /dev/stdout, a FIFO): written in
    // place; renaming a file over it would replace the device node.
    AtomicFile f;
    f.target_ = target;
    f.file_ = std::fopen(target.c_str(), "wb");
    if (f.file_ == nullptr) return unexpected(io_error(target, "", errno));
    return f;
  }
  std::string pattern = directory_of(target) + "." + base_name(target) + ".XXXXXX.tmp";
  AtomicFile f;
  int fd = -1;
  {
    const HeldInterrupts held;
    fd = ::mkstemps(pattern.data(), 4);
    if (fd < 0) return unexpected(io_error(target, "", errno));
    f.target_ = target;
    f.temporary_ = pattern;
    f.slot_ = register_slot(f.temporary_, f.target_);
  }
  // mkstemp gives 0600; an output file gets what fopen would give it.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  f.file_ = ::fdopen(fd, "wb");
  if (f.file_ == nullptr) {
    const int err = errno;
    ::close(fd);
    f.abort();
    return unexpected(io_error(target, "", err));
  }
  return f;
}

AtomicFile::AtomicFile(AtomicFile&& o) noexcept
    : target_(std::move(o.target_)), temporary_(std::move(o.temporary_)), file_(std::exchange(o.file_, nullptr)),
      slot_(std::exchange(o.slot_, -1)) {
  o.temporary_.clear();
}

AtomicFile& AtomicFile::operator=(AtomicFile&& o) noexcept {
  if (this != &o) {
    abort();
    target_ = std::move(o.target_);
    temporary_ = std::move(o.temporary_);
    o.temporary_.clear();
    file_ = std::exchange(o.file_, nullptr);
    slot_ = std::exchange(o.slot_, -1);
  }
  return *this;
}

AtomicFile::~AtomicFile() { abort(); }

Result<void> AtomicFile::commit() {
  if (file_ == nullptr) return unexpected(make_error(Errc::io, fmt::format("cannot write '{}': already closed", target_), target_));
  int err = 0;
  if (temporary_.empty()) {  // written in place (not a regular file)
    if (std::fflush(file_) != 0) err = errno;
    if (std::fclose(file_) != 0 && err == 0) err = errno;
    file_ = nullptr;
    if (err != 0) return unexpected(io_error(target_, "", err));
    return {};
  }
  if (std::fflush(file_) != 0 || ::fsync(::fileno(file_)) != 0) err = errno;
  if (std::fclose(file_) != 0 && err == 0) err = errno;
  file_ = nullptr;
  if (err == 0 && ::rename(temporary_.c_str(), target_.c_str()) != 0) err = errno;
  if (err != 0) {
    abort();
    return unexpected(io_error(target_, "", err));
  }
  release_slot(std::exchange(slot_, -1));
  temporary_.clear();
  return {};
}

void AtomicFile::abort() noexcept {
  if (file_ != nullptr) {
    std::fclose(file_);
    file_ = nullptr;
  }
  if (!temporary_.empty()) {
    ::unlink(temporary_.c_str());
    temporary_.clear();
  }
  release_slot(std::exchange(slot_, -1));
}

void remove_on_interrupt(std::string_view program) {
  if (handlers_installed.exchange(true)) return;
  const std::size_t n = std::min(program.size(), sizeof program_name - 1);
  std::memcpy(program_name, program.data(), n);
  program_name[n] = '\0';
  struct sigaction sa {};
  sa.sa_handler = on_interrupt;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  ::sigaction(SIGINT, &sa, nullptr);
  ::sigaction(SIGTERM, &sa, nullptr);
}

bool same_file(const std::string& a, const std::string& b) noexcept {
  struct stat sa {}, sb {};
  if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

}  // namespace finmetrics
