#include "word_index.hpp"

namespace finmetrics::lexicon_detail {

namespace {

// The white space a phrase may be written with; the figure parser accepts the same.
bool space_at(std::string_view s, std::size_t i, std::size_t& len) noexcept {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b == ' ' || b == '\t') {
    len = 1;
    return true;
  }
  if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
    len = 2;
    return true;
  }
  if (b == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const auto c = static_cast<unsigned char>(s[i + 2]);
    if (c == 0x89 || c == 0xAF) {  // U+2009 thin, U+202F narrow no-break
      len = 3;
      return true;
    }
  }
  if (b == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x80) {  // U+3000 ideographic
    len = 3;
    return true;
  }
  return false;
}

}  // namespace

std::size_t normalise(std::string_view text, bool fold, std::array<char, max_phrase_bytes>& out) noexcept {
  std::size_t n = 0;
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 0;
    if (space_at(text, i, len)) {
      if (n == 0) return std::string_view::npos;  // a phrase never starts with white space
      pending_space = true;
      i += len;
      continue;
    }
    if (pending_space) {
      if (n == max_phrase_bytes) return std::string_view::npos;
      out[n++] = ' ';
      pending_space = false;
    }
    if (n == max_phrase_bytes) return std::string_view::npos;
    char c = text[i++];
    if (fold && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out[n++] = c;
  }
  return pending_space ? std::string_view::npos : n;
}

bool WordIndex::add(std::string key, std::uint32_t row) {
  if (find_normalised(key) != nullptr) return false;
  if ((keys_.size() + 1) * 2 > slots_.size()) grow();
  if (!key.empty()) {
    const std::size_t bit = ends_bit(static_cast<unsigned char>(key.front()), static_cast<unsigned char>(key.back()));
    key_ends_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  keys_.push_back(std::move(key));
  rows_.push_back(row);
  const std::string& added = keys_.back();
  const std::uint64_t h = key_hash(added);
  const std::size_t mask = slots_.size() - 1;
  std::size_t k = h & mask;
  while (slots_[k].key != 0) k = (k + 1) & mask;
  slots_[k] = Slot{h, added.size() <= 8 ? short_word(added.data(), added.size()) : 0,
                   static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(added.size())};
  return true;
}

std::uint64_t WordIndex::key_hash(std::string_view key) noexcept {
  return key.size() <= 8 ? hash_short(short_word(key.data(), key.size()), key.size()) : hash_bytes(key);
}

const std::uint32_t* WordIndex::probe_short(std::uint64_t word, std::size_t size) const noexcept {
  const std::uint64_t h = hash_short(word, size);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t k = h & mask; slots_[k].key != 0; k = (k + 1) & mask) {
    const Slot& s = slots_[k];
    if (s.hash == h && s.size == size && s.word == word) return &rows_[s.key - 1];
  }
  return nullptr;
}

void WordIndex::grow() {
  std::vector<Slot> bigger(slots_.empty() ? 16 : slots_.size() * 2);
  const std::size_t mask = bigger.size() - 1;
  for (const Slot& s : slots_) {
    if (s.key == 0) continue;
    std::size_t k = s.hash & mask;
    while (bigger[k].key != 0) k = (k + 1) & mask;
    bigger[k] = s;
  }
  slots_ = std::move(bigger);
}

const std::uint32_t* WordIndex::probe(std::uint64_t h, std::string_view key) const noexcept {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t k = h & mask; slots_[k].key != 0; k = (k + 1) & mask) {
    if (slots_[k].hash == h && keys_[slots_[k].key - 1] == key) return &rows_[slots_[k].key - 1];
  }
  return nullptr;
}

const std::uint32_t* WordIndex::find_normalised(std::string_view key) const noexcept {
  if (slots_.empty()) return nullptr;
  if (key.size() <= 8) return probe_short(short_word(key.data(), key.size()), key.size());
  return probe(hash_bytes(key), key);
}

const std::uint32_t* WordIndex::find(std::string_view text, bool fold) const noexcept {
  if (slots_.empty() || text.empty()) return nullptr;
  const auto fold_byte = [fold](char c) { return fold && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  if (text.front() == ' ' || text.front() == '\t') return nullptr;  // keys start with no white space
  // Most look-ups are of words that are no key: their first and last bytes say so.
  const std::size_t bit =
      ends_bit(static_cast<unsigned char>(fold_byte(text.front())), static_cast<unsigned char>(fold_byte(text.back())));
  if ((key_ends_[bit / 64] >> (bit % 64) & 1U) == 0) return nullptr;
  // A word of at most 8 bytes with no white space and nothing beyond ASCII (the
  // common case: "bn", "billion", "USD", "yuan") is its own normalised form, folded
  // as it is read into one integer.
  if (text.size() <= 8) {
    std::uint64_t w = 0;
    bool plain = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto b = static_cast<unsigned char>(fold_byte(text[i]));
      plain = plain && b > ' ';
      w |= static_cast<std::uint64_t>(b) << (8 * i);
    }
    // Beyond ASCII only these byte pairs start white space (U+00A0, U+2009, U+202F,
    // U+3000): "€", "£", "亿元" are their own normalised form too.
    for (std::size_t i = 0; plain && i + 1 < text.size(); ++i) {
      const auto b = static_cast<unsigned char>(text[i]), c = static_cast<unsigned char>(text[i + 1]);
      plain = !((b == 0xC2 && c == 0xA0) || ((b == 0xE2 || b == 0xE3) && c == 0x80));
    }
    if (plain) return probe_short(w, text.size());
  }
  std::array<char, max_phrase_bytes> buf;
  // The common case in one pass: folded, white-space runs made one ' ' and hashed
  // as it is copied (normalise's result for such a text). Beyond ASCII, white space
  // starts with C2, E2 or E3 (U+00A0, U+2009, U+202F, U+3000): other bytes (CJK
  // markers and scales, 亿元) are copied as they are, as normalise does.
  if (text.size() <= max_phrase_bytes) {
    std::uint64_t h = 14695981039346656037ULL;  // hash_bytes, step by step
    std::size_t i = 0, n = 0;
    for (; i < text.size(); ++i) {
      char c = fold_byte(text[i]);
      const auto b = static_cast<unsigned char>(c);
      if (b == 0xC2 || b == 0xE2 || b == 0xE3) break;
      if (c == '\t') c = ' ';
      if (c == ' ' && buf[n - 1] == ' ') continue;  // n > 0: the first byte is no space
      buf[n++] = c;
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
    if (i == text.size()) {
      if (buf[n - 1] == ' ') return nullptr;
      if (n <= 8) return probe_short(short_word(buf.data(), n), n);
      return probe(h, std::string_view(buf.data(), n));
    }
  }
  const std::size_t n = normalise(text, fold, buf);
  if (n == std::string_view::npos) return nullptr;
  return find_normalised(std::string_view(buf.data(), n));
}

}  // namespace finmetrics::lexicon_detail
