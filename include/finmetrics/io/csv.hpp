#pragma once
/// \file
/// RFC 4180 CSV, streaming: records cut from a byte stream (quoted fields may hold
/// commas, quotes and line breaks), fields split without copying where possible,
/// and minimal quoting on output. Shared by every loader and the CLI filters.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "finmetrics/error.hpp"

namespace finmetrics::csv {

/// One record as it stood in the input, without its line terminator.
struct RawRecord {
  std::string_view text;   ///< valid until the next `feed`
  std::size_t line = 0;    ///< 1-based line where the record starts
  bool too_long = false;   ///< longer than the limit: `text` is its first bytes only
  bool unterminated = false;  ///< input ended inside a quoted field
};

/// Whole records that need no care, as one piece of the input: each ends with a
/// LF, none holds a quote or a CR, none is over the limit. Record k (counting from
/// 0) is the k-th LF-terminated line of `text` and starts on line `line` + k.
struct PlainRecords {
  std::string_view text;  ///< valid until the next `feed`; ends with '\n'
  std::size_t line = 0;
  std::size_t count = 0;  ///< records (line feeds) in `text`
};

/// Cuts a byte stream into records. A record ends at a line end outside quotes:
/// LF, CRLF or a lone CR (old Mac files, a stray CR), as Python's csv module reads
/// them; line numbers count those line ends. A UTF-8 byte order mark at the very
/// start is skipped. A record longer than `max_record_bytes` is reported once
/// (`too_long`, its first bytes) and skipped to its real end, quotes still
/// followed, so the records after it are read as records and one bad record
/// never stops a stream. Empty lines are records with empty text.
class RecordSplitter {
 public:
  static constexpr std::size_t default_max_record_bytes = std::size_t{1} << 20;  // 1 MiB

  explicit RecordSplitter(std::size_t max_record_bytes = default_max_record_bytes)
      : max_record_bytes_(max_record_bytes) {}

  /// Appends input; views returned earlier become invalid.
  void feed(std::string_view chunk);
  /// The next complete record, if the input fed so far holds one.
  [[nodiscard]] std::optional<RawRecord> next();
  /// Instead of `next`, where the input allows: the longest run of plain records
  /// (see PlainRecords) from here, within the next `max_bytes` bytes (at most the
  /// record limit). Nothing when the next record needs `next` (a quote, a CR, no
  /// line feed yet, a pending BOM check): the records come out the same either way,
  /// and a caller may mix both calls.
  [[nodiscard]] std::optional<PlainRecords> next_plain(std::size_t max_bytes);
  /// After the last `feed`: the final record when the input does not end with a
  /// line feed (possibly `unterminated`), else nothing.
  [[nodiscard]] std::optional<RawRecord> finish();

 private:
  std::optional<RawRecord> take(std::size_t end, std::size_t resume, std::size_t lines_in_record);

  std::string buffer_;
  std::size_t pos_ = 0;          // start of the current record in buffer_
  std::size_t scanned_ = 0;      // bytes after pos_ already known to be inside the record
  bool in_quotes_ = false;       // quote state at pos_ + scanned_
  std::size_t quoted_lines_ = 0; // line feeds inside quotes seen in the current record
  std::size_t line_ = 1;
  std::size_t max_record_bytes_;
  bool skipping_ = false;        // discarding the rest of a too-long record (up to its end outside quotes)
  bool at_start_ = true;         // BOM check pending
  bool after_cr_ = false;        // the last record ended at a CR that was the last byte fed: skip a LF
};

/// Splits one record into fields. Quoted fields are unescaped into `scratch`
/// (reserved up front, so every view stays valid until the next call). Errors:
/// a quote inside an unquoted field, text after a closing quote, an unterminated
/// quote; `Error::position` is the byte offset in the record.
[[nodiscard]] tl::expected<void, Error> split_record(std::string_view record, std::vector<std::string_view>& fields,
                                                     std::string& scratch);

/// Appends a field, quoted only when it holds a comma, a quote, CR or LF.
void append_field(std::string& out, std::string_view field);

}  // namespace finmetrics::csv
