#include "finmetrics/parse/figure_reader_memo.hpp"

#include <cstring>

#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/parse/figure_reader.hpp"

// Once a reader is there, parse_figure's look-up only reads shared memory (the
// slots' state, key and reader): no write to a line other threads read. Calls are
// counted (one relaxed increment) only until the options' reader is there.

namespace finmetrics::parse_detail {

#if defined(__GLIBCXX__) && defined(__x86_64__)  // (the size where it is known)
static_assert(sizeof(ParseOptions) == 224,
              "ParseOptions changed: add its new field to FigureReaderMemo::Key (figure_reader_memo.cpp), then "
              "update this size");
#endif

namespace {

bool builtin_lexicon(const ParseOptions& o) noexcept {
  return o.lexicon == nullptr || o.lexicon == &Lexicon::builtin();
}

std::size_t counter_of(const ParseOptions& o, std::size_t count) noexcept {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  const auto add = [&h](unsigned char byte) { h = (h ^ byte) * 0x100000001b3ULL; };
  for (const auto& c : {o.currency.dollar, o.currency.yen_or_yuan}) {
    add(c.has_value() ? 1 : 0);
    if (c) {
      for (const char k : c->alpha) add(static_cast<unsigned char>(k));
    }
  }
  add(static_cast<unsigned char>(o.currency.dollar_is_option | o.count_nouns << 1 | o.one_marker << 2));
  for (const char k : o.locale) add(static_cast<unsigned char>(k));
  return static_cast<std::size_t>(h % count);
}

}  // namespace

FigureReaderMemo::~FigureReaderMemo() {
  for (Slot& s : slots_) delete s.reader.load(std::memory_order_acquire);
}

const FigureReader* FigureReaderMemo::compiled(const ParseOptions& options) const noexcept {
  if (!builtin_lexicon(options)) return nullptr;
  const std::uint64_t signature = Key::signature_of(options);
  for (const Slot& s : slots_) {
    if (s.state.load(std::memory_order_acquire) == Slot::held && s.key.matches(options, signature)) {
      return s.reader.load(std::memory_order_acquire);
    }
  }
  return nullptr;
}

const FigureReader* FigureReaderMemo::find_or_count(const ParseOptions& options) noexcept {
  if (!builtin_lexicon(options)) return nullptr;
  const std::uint64_t signature = Key::signature_of(options);
  for (const Slot& s : slots_) {
    const std::uint8_t state = s.state.load(std::memory_order_acquire);
    if (state == Slot::free) break;  // slots are claimed in order
    // (null while it is compiled, or where the options' reader reads nothing)
    if (state == Slot::held && s.key.matches(options, signature)) return s.reader.load(std::memory_order_acquire);
  }
  if (full_.load(std::memory_order_relaxed)) return nullptr;
  if (calls_[counter_of(options, counter_count)].fetch_add(1, std::memory_order_relaxed) + 1 < threshold) return nullptr;

  // The threshold is reached: claim a slot (unless another call just did) and compile
  // outside the lock; other calls with these options go without meanwhile.
  Slot* slot = nullptr;
  try {
    const std::lock_guard<std::mutex> lock(claim_);
    for (Slot& s : slots_) {
      if (s.state.load(std::memory_order_relaxed) == Slot::held && s.key.matches(options, signature)) return nullptr;
    }
    for (Slot& s : slots_) {
      if (s.state.load(std::memory_order_relaxed) == Slot::free) {
        slot = &s;
        break;
      }
    }
    if (slot == nullptr) {
      full_.store(true, std::memory_order_relaxed);
      return nullptr;
    }
    slot->state.store(Slot::claiming, std::memory_order_relaxed);
    slot->key = Key{signature, options.locale};
    slot->state.store(Slot::held, std::memory_order_release);
  } catch (...) {  // the lock or the key's copy: no reader, the slot (if any) of no use
    return nullptr;
  }
  const FigureReader* compiled = nullptr;
  try {
    ParseOptions o = options;
    o.lexicon = nullptr;
    auto* r = new FigureReader(o);
    if (r->enabled()) {
      compiled = r;
    } else {
      delete r;
    }
  } catch (...) {
  }
  slot->reader.store(compiled, std::memory_order_release);
  return compiled;
}

}  // namespace finmetrics::parse_detail
