// normalize_pipeline: the reading thread cuts records (and runs of plain
// records) into batches, workers convert them with their own NormalizeStream,
// and a writing thread hands the results to the sink in input order.
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "finmetrics/detail/prefault.hpp"
#include "finmetrics/normalize/normalizer.hpp"

namespace finmetrics {

namespace {

// Records cut by the reading thread, copied into one buffer per batch.
struct Batch {
  std::string text;
  struct Entry {
    std::size_t offset, size, line;
    bool too_long, unterminated;
    bool plain;  // a run of plain records (csv::PlainRecords), each ending with '\n', from `line` on
  };
  std::vector<Entry> records;
  bool first = false;
};

struct BatchResult {
  std::string output;
  std::string diagnostics;
  NormalizeTotals totals;
  ColumnLayout layout;
  Batch spent;  // the batch's buffers, handed back for a later batch
};

// `output` is a buffer of an earlier batch (its pages already mapped: a fresh
// 1.5 MiB string per batch cost a page fault per 4 KiB, ~6% of a v1 run).
BatchResult run_batch(const Normalizer& n, Batch batch, std::string output, const std::string& name,
                      const ColumnLayout& layout, bool write_header) {
  BatchResult r;
  r.output = std::move(output);
  r.output.clear();
  // Room for the rows: v2 writes ~2.45 bytes a byte read (nine columns more), v1
  // ~1.81. A fresh buffer's room is mapped at once (prefault.hpp): the first
  // batches' outputs were ~5,000 page faults of a 1M-row v2 run (~10 us each on
  // the VM); a buffer handed back from the writer is already mapped. The room
  // asked for is rounded up (64 KiB), so that a buffer handed back, from a batch of about
  // the same size, has it: one a few bytes short was reserved anew at twice its
  // size (5 MB; and a v1 batch outgrew its room, 1.5x, and was copied), ~26 MB
  // of fresh pages of a v2 run, ~9 MB of a v1 run, at ~9 us a 4 KiB page.
  const std::size_t read = batch.text.size();
  const bool v2 = n.options().spec == NormalizeSpec::v2;
  const std::size_t expected = v2 ? read * 5 / 2 : read * 2;
  constexpr std::size_t step = std::size_t{64} << 10;
  if (r.output.capacity() < expected) {
    r.output.reserve((expected + expected / 8 + step) / step * step);
    detail::prefault(r.output.data(), expected);
  }
  NormalizeStream stream(n, r.output, r.diagnostics, name, batch.first);
  stream.set_layout(layout);
  stream.write_header(write_header);
  const std::string_view text(batch.text);
  constexpr std::size_t ahead = 8;  // rows between a prefetch and its use: a memory latency's worth
  const std::size_t count = batch.records.size();
  for (std::size_t k = 0; k < count; ++k) {
    const auto& e = batch.records[k];
    if (e.plain) {  // cut into records here, by the worker
      stream.process(csv::PlainRecords{text.substr(e.offset, e.size), e.line, 0});
      continue;
    }
    if (k + ahead < count && !batch.records[k + ahead].plain) {
      const auto& a = batch.records[k + ahead];
      stream.prefetch(text.substr(a.offset, a.size));
    }
    stream.process(csv::RawRecord{text.substr(e.offset, e.size), e.line, e.too_long, e.unterminated});
  }
  r.totals = stream.totals();
  r.layout = stream.layout();
  r.spent = std::move(batch);
  return r;
}

// The sink's calls, in input order, on a thread of their own: writing a batch's
// output (the kernel copying it into the page cache: ~40% of the reading
// thread's CPU in a v1 run) no longer holds up the cutting of the next batches,
// which the workers wait for. At most `limit` outputs wait; the sink's first
// exception stops the writing and is rethrown to the reading thread.
class Writer {
 public:
  Writer(const NormalizeSink& sink, std::size_t limit) : sink_(sink), limit_(limit), thread_([this] { run(); }) {}
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  ~Writer() {
    close();
    thread_.join();
  }

  // Queues one result (output and diagnostics, written in the order queued);
  // waits while `limit` are queued. Rethrows the sink's exception.
  void push(std::string output, std::string diagnostics) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [this] { return queue_.size() < limit_ || error_; });
    if (error_) std::rethrow_exception(error_);
    queue_.push_back({std::move(output), std::move(diagnostics)});
    work_.notify_one();
  }
  // An output buffer already written, for a later batch (its pages mapped), or empty.
  std::string spare() {
    const std::lock_guard lock(mutex_);
    if (spares_.empty()) return {};
    std::string s = std::move(spares_.back());
    spares_.pop_back();
    return s;
  }
  // Waits until everything queued is written; rethrows the sink's exception.
  void finish() {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [this] { return (queue_.empty() && !busy_) || error_; });
    if (error_) std::rethrow_exception(error_);
  }

 private:
  struct Item {
    std::string output, diagnostics;
  };
  void close() {
    const std::lock_guard lock(mutex_);
    closed_ = true;
    work_.notify_one();
  }
  void run() {
    std::unique_lock lock(mutex_);
    while (true) {
      work_.wait(lock, [this] { return !queue_.empty() || closed_; });
      if (queue_.empty() || error_) return;
      Item item = std::move(queue_.front());
      queue_.pop_front();
      busy_ = true;
      lock.unlock();
      std::exception_ptr error;
      try {
        sink_(item.output, item.diagnostics);
      } catch (...) {
        error = std::current_exception();
      }
      lock.lock();
      busy_ = false;
      if (error) error_ = error;
      if (spares_.size() < limit_ + 2) spares_.push_back(std::move(item.output));
      room_.notify_all();
    }
  }

  const NormalizeSink& sink_;
  const std::size_t limit_;
  std::mutex mutex_;
  std::condition_variable work_, room_;
  std::deque<Item> queue_;
  std::vector<std::string> spares_;
  bool busy_ = false, closed_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: started once the members above are built
};

// The worker threads, started once: a batch is a task queued to them (a thread
// of its own per batch, std::async, cost ~70 us of CPU each: 15 ms of a v2 run
// in 128 KiB batches). Tasks start in the order queued; their results come
// through futures. Queued tasks not begun when the pool ends are dropped (their
// futures report a broken promise); the running ones are waited for.
class Workers {
 public:
  explicit Workers(unsigned count) {
    threads_.reserve(count);
    for (unsigned k = 0; k < count; ++k) threads_.emplace_back([this] { run(); });
  }
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;
  ~Workers() {
    {
      const std::lock_guard lock(mutex_);
      closed_ = true;
      tasks_.clear();
    }
    work_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

  template <class F>
  std::future<BatchResult> submit(F&& task) {
    std::packaged_task<BatchResult()> job(std::forward<F>(task));
    std::future<BatchResult> result = job.get_future();
    {
      const std::lock_guard lock(mutex_);
      tasks_.push_back(std::move(job));
    }
    work_.notify_one();
    return result;
  }

 private:
  void run() {
    std::unique_lock lock(mutex_);
    while (true) {
      work_.wait(lock, [this] { return !tasks_.empty() || closed_; });
      if (closed_) return;
      std::packaged_task<BatchResult()> job = std::move(tasks_.front());
      tasks_.pop_front();
      lock.unlock();
      job();  // an exception goes to the task's future
      lock.lock();
    }
  }

  std::mutex mutex_;
  std::condition_variable work_;
  std::deque<std::packaged_task<BatchResult()>> tasks_;
  bool closed_ = false;
  std::vector<std::thread> threads_;  // last: started once the members above are built
};

}  // namespace

NormalizeTotals normalize_pipeline(const Normalizer& n, const ByteSource& read, const NormalizeSink& write,
                                   unsigned threads, const std::string& input_name, bool write_header) {
  constexpr std::size_t chunk_size = std::size_t{1} << 20;
  // A batch of 128 KiB: its output (~320 KB for v2) stays in the worker's
  // cache until the writer takes it, and the buffers in flight are a few
  // hundred pages, not thousands. A v2 run's CPU: 693 ms with 1 MiB batches,
  // 649 ms (v1 alike), and the last batches share the workers evenly.
  constexpr std::size_t batch_bytes = std::size_t{128} << 10;
  constexpr std::size_t batch_records = std::size_t{1} << 16;
  std::vector<char> chunk(chunk_size);
  NormalizeTotals totals;
  if (threads <= 1) {
    std::string out, diag;
    NormalizeStream stream(n, out, diag, input_name);
    stream.write_header(write_header);
    while (const std::size_t got = read(chunk.data(), chunk.size())) {
      stream.feed(std::string_view(chunk.data(), got));
      write(out, diag);
      out.clear();
      diag.clear();
    }
    stream.finish();
    write(out, diag);
    return stream.totals();
  }

  csv::RecordSplitter splitter(n.options().max_record_bytes);
  std::deque<std::future<BatchResult>> inflight;
  Batch batch;
  batch.first = true;
  // The header is read first and alone (v2 finds its columns there): the later
  // batches are given the layout it found.
  bool header_pending = true;
  ColumnLayout layout;
  // Buffers of finished batches, reused (input text; outputs come back from the writer).
  std::vector<Batch> spare_batches;
  Writer writer(write, threads);
  Workers workers(threads);
  const auto drain_one = [&] {
    BatchResult r = inflight.front().get();
    inflight.pop_front();
    totals += r.totals;
    spare_batches.push_back(std::move(r.spent));
    writer.push(std::move(r.output), std::move(r.diagnostics));
    return r.layout;
  };
  // The records of one chunk lie in order in the splitter's buffer: their
  // bytes (and the line ends between them) are copied into the batch at once,
  // before the next feed moves that buffer, not record by record.
  const char* span_begin = nullptr;
  const char* span_end = nullptr;
  std::size_t span_base = 0;
  const auto flush_span = [&] {
    if (span_begin == nullptr) return;
    batch.text.append(span_begin, static_cast<std::size_t>(span_end - span_begin));
    span_begin = nullptr;
  };
  const auto dispatch = [&] {
    flush_span();
    if (batch.records.empty()) return;
    const bool first = batch.first;
    std::string output = writer.spare();
    inflight.push_back(workers.submit([&n, &input_name, layout, write_header, b = std::move(batch),
                                       o = std::move(output)]() mutable {
      return run_batch(n, std::move(b), std::move(o), input_name, layout, write_header);
    }));
    batch = Batch{};
    if (!spare_batches.empty()) {
      batch = std::move(spare_batches.back());
      spare_batches.pop_back();
      batch.text.clear();
      batch.records.clear();
      batch.first = false;
    }
    if (first) {
      while (!inflight.empty()) layout = drain_one();
      header_pending = false;
    }
    while (inflight.size() > threads) drain_one();
  };
  const auto take = [&](const csv::RawRecord& rec) {
    if (span_begin == nullptr) {
      span_begin = rec.text.data();
      span_base = batch.text.size();
    }
    batch.records.push_back({span_base + static_cast<std::size_t>(rec.text.data() - span_begin), rec.text.size(),
                             rec.line, rec.too_long, rec.unterminated, false});
    span_end = rec.text.data() + rec.text.size();
    if (header_pending && !rec.text.empty()) {
      dispatch();
      return;
    }
    // By records too: blank lines add no bytes, and a batch of millions of them
    // would hold millions of entries (issue 11: 50 MB of newlines took 2.1 GB).
    if (span_base + static_cast<std::size_t>(span_end - span_begin) >= batch_bytes ||
        batch.records.size() >= batch_records)
      dispatch();
  };
  // Runs of plain records go to the workers whole, cut into records there: the
  // reading thread's work per record (one entry each) was a third of a v1 run's
  // and kept two workers waiting on it.
  const auto take_plain = [&](const csv::PlainRecords& run) {
    if (span_begin == nullptr) {
      span_begin = run.text.data();
      span_base = batch.text.size();
    }
    batch.records.push_back({span_base + static_cast<std::size_t>(run.text.data() - span_begin), run.text.size(),
                             run.line, false, false, true});
    span_end = run.text.data() + run.text.size();
    if (span_base + static_cast<std::size_t>(span_end - span_begin) >= batch_bytes) dispatch();
  };
  const auto drain = [&] {
    while (true) {
      if (!header_pending) {
        // At most what the batch still takes: a batch stays within batch_bytes (its
        // output buffer, reserved from it, is pages to fault in).
        const std::size_t used = batch.text.size() + (span_begin == nullptr ? 0 : static_cast<std::size_t>(span_end - span_begin));
        if (auto run = splitter.next_plain(batch_bytes - std::min(used, batch_bytes - 1))) {
          take_plain(*run);
          continue;
        }
      }
      auto rec = splitter.next();
      if (!rec) return;
      take(*rec);
    }
  };
  while (const std::size_t got = read(chunk.data(), chunk.size())) {
    flush_span();  // the feed may move the splitter's buffer
    splitter.feed(std::string_view(chunk.data(), got));
    drain();
  }
  drain();
  if (auto rec = splitter.finish()) take(*rec);
  dispatch();
  while (!inflight.empty()) drain_one();
  writer.finish();
  return totals;
}

}  // namespace finmetrics
