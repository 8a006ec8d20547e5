#include "finmetrics/io/csv.hpp"

#include <algorithm>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <fmt/format.h>

namespace finmetrics::csv {

void RecordSplitter::feed(std::string_view chunk) {
  if (pos_ > 0 && pos_ >= buffer_.size() / 2) {  // compact: keep the unread tail only
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  buffer_.append(chunk);
  if (at_start_ && buffer_.size() - pos_ >= 3) {
    if (buffer_.compare(pos_, 3, "\xEF\xBB\xBF") == 0) pos_ += 3;
    at_start_ = false;
  }
}

namespace {

// The first line feed, carriage return or quote at or after `i`, else `n`: the
// only bytes that matter outside quotes. 16 bytes at a time where SSE2 exists.
std::size_t find_special(const char* base, std::size_t i, std::size_t n) noexcept {
#ifdef __SSE2__
  const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'), quote = _mm_set1_epi8('"');
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + i));
    const int m = _mm_movemask_epi8(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)), _mm_cmpeq_epi8(v, quote)));
    if (m != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(m)));
    i += 16;
  }
#endif
  for (; i < n; ++i) {
    const char c = base[i];
    if (c == '\n' || c == '\r' || c == '"') return i;
  }
  return n;
}

}  // namespace

namespace {

constexpr unsigned char bits_set[16] = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4};
// Bits set in a 16-bit mask (no popcnt instruction in the baseline x86-64 build).
std::size_t count_bits(unsigned m) noexcept {
  return static_cast<std::size_t>(bits_set[m & 15] + bits_set[(m >> 4) & 15] + bits_set[(m >> 8) & 15] + bits_set[(m >> 12) & 15]);
}

// From a quote at `k` of the record that starts at `start`, as `next` reads it: the
// record's line feed, or npos when the record is no plain one (a line end or CR
// inside quotes, a CR, or its end beyond `n`).
std::size_t end_of_quoted(const char* base, std::size_t start, std::size_t k, std::size_t n) noexcept {
  bool in_quotes = false;
  for (; k < n; ++k) {
    const char c = base[k];
    if (c == '\r') return std::string::npos;
    if (in_quotes) {
      if (c == '"') in_quotes = false;  // an escaped "" re-enters quotes on the next quote
      else if (c == '\n') return std::string::npos;
    } else if (c == '"') {
      // A quote opens a quoted field only at the start of a field or right after a closing quote.
      if (k == start || base[k - 1] == ',' || base[k - 1] == '"') in_quotes = true;
    } else if (c == '\n') {
      return k;
    }
  }
  return std::string::npos;
}

}  // namespace

std::optional<PlainRecords> RecordSplitter::next_plain(std::size_t max_bytes) {
  if (at_start_ || after_cr_ || skipping_ || in_quotes_ || scanned_ != 0) return std::nullopt;
  const char* const base = buffer_.data() + pos_;
  // No record of the run may pass the limit: none is longer than the window.
  const std::size_t window = std::min({buffer_.size() - pos_, max_bytes, max_record_bytes_});
  std::size_t at = 0, count = 0;
  std::size_t end = 0;  // just after the run's last line feed
  const auto quoted = [&](std::size_t k) {  // the record holding the quote at k; false ends the run
    const std::size_t lf = end_of_quoted(base, end, k, window);
    if (lf == std::string::npos) return false;
    ++count;
    end = at = lf + 1;
    return true;
  };
#ifdef __SSE2__
  const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'), quote = _mm_set1_epi8('"');
  while (at + 16 <= window) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + at));
    auto feeds = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, lf)));
    const auto carriage = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, cr)));
    const auto quotes = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, quote)));
    const unsigned special = carriage | quotes;
    if (special == 0) {
      if (feeds != 0) {
        count += count_bits(feeds);
        end = at + 32 - static_cast<std::size_t>(__builtin_clz(feeds));
      }
      at += 16;
      continue;
    }
    const auto first = static_cast<unsigned>(__builtin_ctz(special));
    feeds &= (1u << first) - 1;  // the line feeds before it
    if (feeds != 0) {
      count += count_bits(feeds);
      end = at + 32 - static_cast<std::size_t>(__builtin_clz(feeds));
    }
    if ((carriage >> first & 1u) != 0 || !quoted(at + first)) {
      at = window;  // the run ends before this record
      break;
    }
  }
#endif
  while (at < window) {
    const char c = base[at];
    if (c == '\n') {
      ++count;
      end = ++at;
    } else if (c == '\r' || (c == '"' && !quoted(at))) {  // `quoted` moves `at` past its record
      break;
    } else if (c != '"') {
      ++at;
    }
  }
  if (count == 0) return std::nullopt;
  PlainRecords run{std::string_view(base, end), line_, count};
  pos_ += end;
  line_ += count;
  return run;
}

std::optional<RawRecord> RecordSplitter::take(std::size_t end, std::size_t resume, std::size_t lines_in_record) {
  RawRecord r{std::string_view(buffer_).substr(pos_, end - pos_), line_, false, false};
  line_ += lines_in_record;
  pos_ = resume;
  scanned_ = 0;
  in_quotes_ = false;
  quoted_lines_ = 0;
  return r;
}

std::optional<RawRecord> RecordSplitter::next() {
  if (at_start_ && buffer_.size() - pos_ < 3) return std::nullopt;  // wait for the BOM check
  while (true) {
    const char* base = buffer_.data() + pos_;
    const std::size_t avail = buffer_.size() - pos_;
    if (after_cr_) {  // the line feed of a CRLF cut between two feeds
      if (avail == 0) return std::nullopt;
      after_cr_ = false;
      if (base[0] == '\n') {
        ++pos_;
        continue;
      }
    }
    std::size_t i = scanned_;
    std::size_t end = std::string::npos;  // the record's terminator, when found
    while (i < avail) {
      if (!in_quotes_) {
        const std::size_t k = find_special(base, i, avail);
        if (k == avail) {
          i = avail;
          break;
        }
        if (base[k] != '"') {
          end = k;
          break;
        }
        i = k + 1;
        // A quote opens a quoted field only at the start of a field (or as the
        // second half of an escaped "" right after a closing quote); a stray one
        // inside an unquoted field is text, left for split_record to report, so
        // it cannot swallow the lines that follow.
        if (k == 0 || base[k - 1] == ',' || base[k - 1] == '"') in_quotes_ = true;
      } else {
        const char* q = static_cast<const char*>(std::memchr(base + i, '"', avail - i));
        std::size_t upto = q ? static_cast<std::size_t>(q - base) : avail;
        // Line ends inside quotes count as lines (CRLF once); a CR as the last
        // byte waits for the next feed to say whether a LF follows.
        if (!q && upto > i && base[upto - 1] == '\r') --upto;
        for (std::size_t k = i; k < upto; ++k)
          if (base[k] == '\n' || (base[k] == '\r' && base[k + 1] != '\n')) ++quoted_lines_;
        if (!q) {
          i = upto;
          break;
        }
        i = upto + 1;
        in_quotes_ = false;  // an escaped "" re-enters quotes on the next quote
      }
      if (i > max_record_bytes_ && !skipping_) break;
    }
    if (end != std::string::npos) {
      // A record ends at LF, CR or CRLF outside quotes, as Python's csv module reads them.
      std::size_t resume = end + 1;
      if (base[end] == '\r') {
        if (end + 1 < avail) {
          if (base[end + 1] == '\n') ++resume;
        } else {
          after_cr_ = true;
        }
      }
      if (skipping_) {  // the end of an over-long record: read on from the next one
        line_ += 1 + quoted_lines_;
        pos_ += resume;
        scanned_ = 0;
        in_quotes_ = false;
        quoted_lines_ = 0;
        skipping_ = false;
        continue;
      }
      if (end <= max_record_bytes_) return take(pos_ + end, pos_ + resume, 1 + quoted_lines_);
      i = end;  // too long, though its end is already here
    }
    if (skipping_) {  // drop what was scanned; keep one byte for the quote rule
      if (i > 1) {
        pos_ += i - 1;
        scanned_ = 1;
      } else {
        scanned_ = i;
      }
      return std::nullopt;
    }
    scanned_ = i;
    if (scanned_ > max_record_bytes_) {
      // Report the record once, by its first bytes, and skip it to its real end
      // (quotes still followed), so that the records after it are read as records.
      RawRecord r{std::string_view(buffer_).substr(pos_, std::min<std::size_t>(max_record_bytes_, 64)), line_, true, false};
      skipping_ = true;
      return r;
    }
    return std::nullopt;
  }
}

std::optional<RawRecord> RecordSplitter::finish() {
  if (at_start_) {
    if (buffer_.size() - pos_ >= 3 && buffer_.compare(pos_, 3, "\xEF\xBB\xBF") == 0) pos_ += 3;
    at_start_ = false;
    if (auto r = next()) return r;
  }
  if (skipping_ || pos_ >= buffer_.size()) return std::nullopt;
  const bool unterminated = [&] {  // rescan: scanned_ may not cover the tail
    bool q = false;
    for (std::size_t k = pos_; k < buffer_.size(); ++k)
      if (buffer_[k] == '"') q = !q;
    return q;
  }();
  if (buffer_.size() - pos_ > max_record_bytes_) {  // the last record, over the limit (a CR kept it short of it in next())
    RawRecord r{std::string_view(buffer_).substr(pos_, std::min<std::size_t>(max_record_bytes_, 64)), line_, true, false};
    pos_ = buffer_.size();
    return r;
  }
  auto r = take(buffer_.size(), buffer_.size(), 0);
  r->unterminated = unterminated;
  return r;
}

tl::expected<void, Error> split_record(std::string_view record, std::vector<std::string_view>& fields,
                                       std::string& scratch) {
  fields.clear();
  scratch.clear();
  scratch.reserve(record.size());
  std::size_t i = 0;
  while (true) {
    if (i < record.size() && record[i] == '"') {
      const std::size_t open = i++;
      const std::size_t start = scratch.size();
      while (true) {
        if (i >= record.size())
          return tl::unexpected(make_error(Errc::csv, "unterminated quoted field", record, open));
        if (record[i] == '"') {
          if (i + 1 < record.size() && record[i + 1] == '"') {
            scratch.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        scratch.push_back(record[i++]);
      }
      fields.emplace_back(scratch.data() + start, scratch.size() - start);
      if (i < record.size() && record[i] != ',')
        return tl::unexpected(make_error(Errc::csv, "text after a closing quote", record, i));
    } else {
      const std::size_t start = i;
      while (i < record.size() && record[i] != ',') {
        if (record[i] == '"')
          return tl::unexpected(make_error(Errc::csv, "a quote inside an unquoted field", record, i));
        ++i;
      }
      fields.push_back(record.substr(start, i - start));
    }
    if (i >= record.size()) return {};
    ++i;  // the comma
  }
}

void append_field(std::string& out, std::string_view field) {
  // One pass over the bytes (find_first_of would call memchr once per byte).
  bool plain = true;
  for (const char c : field) {
    if (c == ',' || c == '"' || c == '\r' || c == '\n') {
      plain = false;
      break;
    }
  }
  if (plain) {
    out.append(field);
    return;
  }
  out.push_back('"');
  for (const char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

}  // namespace finmetrics::csv
