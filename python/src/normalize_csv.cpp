// Normalizer.csv_range: one byte range of a CSV file through the library's own
// CSV stream (NormalizeStream), for the Dask runner (finmetrics/dask). The
// output bytes are those `finmetrics normalize` writes for the same records:
// input fields re-quoted as it does, broken rows kept as empty rows, and the
// same totals; concatenating the ranges of a file gives the CLI's output.
//
// A range owns the records that start inside it: it reads on past its end to
// finish its last record, and says where it stopped (`end`), so the caller can
// check that the ranges tile the file (a record broken by a quoted line break
// across a range's start is found that way and rerun from the right place).
#include <string>
#include <string_view>

#include <pybind11/stl.h>

#include "bindings.hpp"
#include "common.hpp"
#include "finmetrics/io/csv.hpp"
#include "normalizer_handle.hpp"

namespace finmetrics::python {

namespace {

using namespace pybind11::literals;

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

struct RangeResult {
  std::string output, diagnostics;
  NormalizeTotals totals;
  std::size_t end = 0;    ///< offset in `data` where the first record not owned starts
  bool complete = false;  ///< false: a record owned did not end inside `data` (read more)
};

NormalizeTotals minus(NormalizeTotals a, const NormalizeTotals& b) {
  a.rows_read -= b.rows_read;
  a.converted -= b.converted;
  a.without_rate -= b.without_rate;
  a.unparsed -= b.unparsed;
  a.invalid -= b.invalid;
  a.blank_lines -= b.blank_lines;
  a.currency_by_default -= b.currency_by_default;
  a.bad_header = false;  // the header was judged in the file's first range
  return a;
}

// `header` (the file's first record with its line end; empty when `data` starts
// the file) is read first for the column layout and written nowhere.
RangeResult normalize_range(const Normalizer& normalizer, std::string_view header, std::string_view data,
                            std::size_t owned, bool at_end, bool write_header) {
  RangeResult r;
  std::string text;
  text.reserve(header.size() + data.size());
  text.append(header).append(data);
  const std::size_t bom = text.compare(0, utf8_bom.size(), utf8_bom) == 0 ? utf8_bom.size() : 0;

  csv::RecordSplitter splitter(normalizer.options().max_record_bytes);
  splitter.feed(text);
  NormalizeStream stream(normalizer, r.output, r.diagnostics, {}, true);
  stream.write_header(write_header && header.empty());

  // The record views point into the splitter's copy of `text` (fed once, so they
  // stay valid): a record's offset is its distance from the first one's.
  const char* origin = nullptr;
  bool header_pending = !header.empty();
  NormalizeTotals before;
  std::size_t next_start = 0;  // where the record after the last one read starts (npos: unknown)
  const auto take = [&](const csv::RawRecord& record) -> bool {  // false: not owned, stop
    const bool first = origin == nullptr;
    if (first) origin = record.text.data() - bom;
    const std::size_t at = static_cast<std::size_t>(record.text.data() - origin);
    // The file's first record starts at 0, before its byte order mark.
    if (!header_pending && !(first && owned > 0) && at - header.size() >= owned) {
      r.end = at - header.size();
      r.complete = true;
      return false;
    }
    stream.process(record);
    if (header_pending) {  // layout known; its row (a header read as data) is not this range's
      header_pending = false;
      r.output.clear();
      r.diagnostics.clear();
      before = stream.totals();
    }
    // The next record starts after this one's line end (LF, CRLF or CR); unknown
    // for an over-long record (its text is cut) or a CR that may be half a CRLF.
    std::size_t after = at + record.text.size();
    if (record.too_long || after >= text.size()) {
      next_start = std::string::npos;
    } else if (text[after] == '\r') {
      next_start = after + 1 < text.size() ? after + (text[after + 1] == '\n' ? 2 : 1) : std::string::npos;
    } else {
      next_start = after + 1;
    }
    return true;
  };
  bool stopped = false;
  while (auto record = splitter.next())
    if (!take(*record)) {
      stopped = true;
      break;
    }
  if (!stopped) {
    if (at_end) {
      if (auto last = splitter.finish()) take(*last);
      r.end = data.size();
      r.complete = true;
    } else if (next_start != std::string::npos && next_start >= header.size() &&
               next_start - header.size() >= owned && origin != nullptr) {
      r.end = next_start - header.size();  // the records owned all ended inside `data`
      r.complete = true;
    }
  }
  r.totals = header.empty() ? stream.totals() : minus(stream.totals(), before);
  return r;
}

py::dict totals_dict(const NormalizeTotals& t) {
  return py::dict("rows_read"_a = t.rows_read, "converted"_a = t.converted, "without_rate"_a = t.without_rate,
                  "unparsed"_a = t.unparsed, "invalid"_a = t.invalid, "blank_lines"_a = t.blank_lines,
                  "currency_by_default"_a = t.currency_by_default,
                  "bad_header"_a = t.bad_header, "header_written"_a = t.header_written);
}

}  // namespace

void bind_normalize_csv(py::module_& m) {
  py::object normalizer_class = m.attr("Normalizer");
  py::cpp_function csv_range(
      [](NormalizerHandle& h, const py::bytes& data, std::size_t owned, const py::bytes& header, bool at_end,
         bool write_header, bool reasons) {
        if (reasons && !h.explaining) {
          NormalizeOptions o = h.options;
          o.reasons = true;
          h.explaining = std::make_unique<Normalizer>(h.fx->table, o);
        }
        const Normalizer& normalizer = reasons ? *h.explaining : *h.normalizer;
        const std::string_view data_view = data, header_view = header;
        RangeResult r;
        {
          py::gil_scoped_release unlocked;  // pure C++; the Normalizer is immutable and thread-safe
          r = normalize_range(normalizer, header_view, data_view, owned, at_end, write_header);
        }
        return py::dict("output"_a = py::bytes(r.output), "diagnostics"_a = py::bytes(r.diagnostics),
                        "totals"_a = totals_dict(r.totals), "end"_a = r.end, "complete"_a = r.complete);
      },
      py::name("csv_range"), py::is_method(normalizer_class), py::arg("data"), py::arg("owned"),
      py::arg("header") = py::bytes(), py::arg("at_end") = false, py::arg("write_header") = false,
      py::arg("reasons") = false,
      "Normalizes the CSV records that start in data[:owned] (`header`: the file's first record with its line\n"
      "end, when `data` does not start the file), as `finmetrics normalize` does. Returns a dict: `output`\n"
      "and `diagnostics` (bytes; diagnostics count lines from the range's start), `totals`, `end` (where\n"
      "the first record not owned starts in `data`) and `complete` (False: a record owned did not end\n"
      "inside `data` and `at_end` is False: call again with more data).");
  normalizer_class.attr("csv_range") = csv_range;
}

}  // namespace finmetrics::python
