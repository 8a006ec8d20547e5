#include "finmetrics/io/csv.hpp"

#include <algorithm>
#include <cstring>

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

std::optional<RawRecord> RecordSplitter::take(std::size_t end, std::size_t resume, std::size_t lines_in_record) {
  std::size_t stop = end;
  if (stop > pos_ && buffer_[stop - 1] == '\r') --stop;
  RawRecord r{std::string_view(buffer_).substr(pos_, stop - pos_), line_, false, false};
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
    if (skipping_) {  // drop the rest of a too-long record, up to its line feed
      const void* nl = std::memchr(base, '\n', avail);
      if (!nl) {
        pos_ = buffer_.size();
        return std::nullopt;
      }
      pos_ += static_cast<std::size_t>(static_cast<const char*>(nl) - base) + 1;
      skipping_ = false;
      continue;
    }
    std::size_t i = scanned_;
    while (i < avail) {
      if (!in_quotes_) {
        // Fast path: the next line feed, unless a quote comes first.
        const char* nl = static_cast<const char*>(std::memchr(base + i, '\n', avail - i));
        const std::size_t limit = nl ? static_cast<std::size_t>(nl - base) : avail;
        const char* q = static_cast<const char*>(std::memchr(base + i, '"', limit - i));
        if (!q) {
          if (!nl) {
            i = avail;
            break;
          }
          if (limit > max_record_bytes_) {
            i = limit;
            break;
          }
          return take(pos_ + limit, pos_ + limit + 1, 1 + quoted_lines_);
        }
        const std::size_t k = static_cast<std::size_t>(q - base);
        i = k + 1;
        // A quote opens a quoted field only at the start of a field (or as the
        // second half of an escaped "" right after a closing quote); a stray one
        // inside an unquoted field is text, left for split_record to report, so
        // it cannot swallow the lines that follow.
        if (k == 0 || base[k - 1] == ',' || base[k - 1] == '"') in_quotes_ = true;
      } else {
        const char* q = static_cast<const char*>(std::memchr(base + i, '"', avail - i));
        const std::size_t upto = q ? static_cast<std::size_t>(q - base) : avail;
        for (const char* p = base + i; (p = static_cast<const char*>(std::memchr(p, '\n', upto - static_cast<std::size_t>(p - base)))) != nullptr; ++p)
          ++quoted_lines_;
        if (!q) {
          i = avail;
          break;
        }
        i = upto + 1;
        in_quotes_ = false;  // an escaped "" re-enters quotes on the next quote
      }
      if (i > max_record_bytes_) break;
    }
    scanned_ = i;
    if (scanned_ > max_record_bytes_) {
      RawRecord r{std::string_view(buffer_).substr(pos_, std::min<std::size_t>(max_record_bytes_, 64)), line_, true, false};
      // Skipping resumes after the first line feed past the limit, whatever the
      // quotes said: count the line feeds up to the limit, not those the quote scan saw.
      line_ += 1 + static_cast<std::size_t>(std::count(buffer_.begin() + static_cast<std::ptrdiff_t>(pos_),
                                                       buffer_.begin() + static_cast<std::ptrdiff_t>(pos_ + max_record_bytes_), '\n'));
      skipping_ = true;
      scanned_ = 0;
      in_quotes_ = false;
      quoted_lines_ = 0;
      // Resume at the next line feed after the limit (quotes are not trusted any more).
      const std::size_t from = pos_ + max_record_bytes_;
      pos_ = from;
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
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
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
