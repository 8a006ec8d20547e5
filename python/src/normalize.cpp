// The vectorised normalize: pandas columns in (figures as an object array of
// str, dates as str or as days since 1970), columns out (numpy arrays that
// finmetrics/_normalize.py assembles into a DataFrame).
//
// Each row goes through `detail::append_v2_cells`, the per-row code of the
// library's normalize-v2 stream and of `normalize_row` (fast path and reference
// path alike), so the cells and reasons are those of `finmetrics normalize` byte
// for byte.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <emmintrin.h>

#include <fmt/format.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "column_memory.hpp"
#include "common.hpp"
#include "exact_text.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/normalize/detail/v2_cells.hpp"
#include "finmetrics/normalize/normalize_rows.hpp"
#include "finmetrics/normalize/normalizer.hpp"
#include "finmetrics/unit/scale.hpp"
#include "fx_table_handle.hpp"
#include "normalizer_handle.hpp"

namespace finmetrics::python {

namespace {

using namespace pybind11::literals;

std::optional<Rounding> rounding_from(std::string_view name) {
  for (Rounding r : {Rounding::half_even, Rounding::half_up, Rounding::half_down, Rounding::down, Rounding::up,
                     Rounding::floor, Rounding::ceiling})
    if (to_string(r) == name) return r;
  return std::nullopt;
}

// Days since 1970-01-01 as "YYYY-MM-DD" into buf (10 bytes); false outside 0..9999.
bool format_day(std::int64_t days, char* buf) {
  const date::year_month_day ymd{date::sys_days{date::days{days}}};
  const int y = static_cast<int>(ymd.year());
  const unsigned m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
  if (y < 0 || y > 9999) return false;
  buf[0] = static_cast<char>('0' + y / 1000);
  buf[1] = static_cast<char>('0' + y / 100 % 10);
  buf[2] = static_cast<char>('0' + y / 10 % 10);
  buf[3] = static_cast<char>('0' + y % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + m / 10);
  buf[6] = static_cast<char>('0' + m % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + d / 10);
  buf[9] = static_cast<char>('0' + d % 10);
  return true;
}

// Object arrays filled with None; `put` replaces a slot with a new reference.
py::array object_array(std::size_t n) {
  static py::handle empty = py::module_::import("numpy").attr("empty").cast<py::object>().release();  // process lifetime
  py::array a = empty(n, "dtype"_a = "object");
  auto** slots = static_cast<PyObject**>(a.mutable_data());
  for (std::size_t i = 0; i < n; ++i) {
    Py_INCREF(Py_None);
    slots[i] = Py_None;
  }
  return a;
}
void put(py::array& a, std::size_t i, PyObject* o) {
  auto** slots = static_cast<PyObject**>(a.mutable_data());
  Py_XDECREF(slots[i]);
  slots[i] = o;
}

// Codes of a categorical column: the few distinct values, in order of appearance.
// int8 codes (pandas' own width for up to 127 categories: Categorical.from_codes
// keeps them uncopied), widened to int16 when a 128th value comes. Column memory
// until `release` (no GIL needed while rows run).
struct Codes {
  std::vector<std::string> categories;
  explicit Codes(std::size_t rows) : n(rows), narrow(static_cast<std::int8_t*>(allocate_column_memory(rows + 1))) {}
  ~Codes() { std::free(narrow != nullptr ? static_cast<void*>(narrow) : static_cast<void*>(wide)); }
  Codes(const Codes&) = delete;
  Codes& operator=(const Codes&) = delete;
  void put(std::size_t i, std::int16_t code) {
    if (narrow != nullptr) narrow[i] = static_cast<std::int8_t>(code);
    else wide[i] = code;
  }
  [[nodiscard]] std::int16_t at(std::size_t i) const { return narrow != nullptr ? narrow[i] : wide[i]; }
  // The codes as a NumPy array (int8, or int16 past 127 categories); the memory moves into it.
  py::array release() {
    void* block = narrow != nullptr ? static_cast<void*>(narrow) : static_cast<void*>(wide);
    const bool was_narrow = narrow != nullptr;
    narrow = nullptr;
    wide = nullptr;
    py::capsule owner(block, [](void* p) { std::free(p); });
    if (was_narrow) return py::array_t<std::int8_t>(static_cast<py::ssize_t>(n), static_cast<std::int8_t*>(block), owner);
    return py::array_t<std::int16_t>(static_cast<py::ssize_t>(n), static_cast<std::int16_t*>(block), owner);
  }
  // `readable8`: v's first 8 bytes may be read even when it is shorter.
  void set(std::size_t i, std::string_view v, bool readable8 = false) {
    if (v.empty()) {
      put(i, -1);
      return;
    }
    // The previous row's value first (a column of few values repeats it often),
    // then the values by their key (a currency column has ~40). Values of up to
    // 7 bytes (codes, qualifiers) compare as their key alone.
    const std::uint64_t key = key_of(v, readable8);
    const bool by_key = v.size() <= 7;
    if (last >= 0 && keys[static_cast<std::size_t>(last)] == key &&
        (by_key || categories[static_cast<std::size_t>(last)] == v)) {
      put(i, last);
      return;
    }
    std::size_t k = 0;
    while (k < categories.size() && (keys[k] != key || (!by_key && categories[k] != v))) ++k;
    if (k == categories.size()) add(v);
    last = static_cast<std::int16_t>(k);
    put(i, last);
  }
  // An enumerated value by its number (its text looked up once per value).
  void set(std::size_t i, CurrencySource v) {
    const auto e = static_cast<std::size_t>(v);
    if (e >= std::size(by_enum)) {
      set(i, to_string(v));
      return;
    }
    if (by_enum[e] == -2) {
      set(i, to_string(v));
      by_enum[e] = at(i);
    } else {
      put(i, by_enum[e]);
    }
  }
  void add(std::string_view v) {
    if (categories.size() >= 32767) throw py::value_error("too many distinct values for a categorical column");
    if (categories.size() == 127 && narrow != nullptr) {  // code 127 is the last an int8 holds: widen first
      auto* w = static_cast<std::int16_t*>(allocate_column_memory(2 * n + 2));
      for (std::size_t i = 0; i < n; ++i) w[i] = narrow[i];  // rows not yet written are written later
      std::free(narrow);
      narrow = nullptr;
      wide = w;
    }
    categories.emplace_back(v);
    keys.push_back(key_of(v));
  }
  // The size (up to 255) and the first 7 bytes: equal keys of values of up to 7
  // bytes are equal values.
  static std::uint64_t key_of(std::string_view v, bool readable8 = false) {
    std::uint64_t bytes = 0;
    if (v.size() >= 8) {
      std::memcpy(&bytes, v.data(), 8);
      bytes &= 0x00FFFFFFFFFFFFFFULL;  // little-endian: the first 7 bytes
    } else if (readable8) {
      std::memcpy(&bytes, v.data(), 8);
      bytes &= (std::uint64_t{1} << (8 * v.size())) - 1;
    } else {
      for (std::size_t b = 0; b < v.size(); ++b) bytes |= std::uint64_t{static_cast<unsigned char>(v[b])} << (8 * b);
    }
    return (bytes << 8) | std::min<std::size_t>(v.size(), 255);
  }
  std::vector<std::uint64_t> keys;  // key_of, per category
  std::size_t n;
  std::int8_t* narrow;
  std::int16_t* wide = nullptr;
  std::int16_t last = -1;
  std::int16_t by_enum[8] = {-2, -2, -2, -2, -2, -2, -2, -2};  // -2: not seen yet
};

// The nine cells of `detail::append_v2_cells`' text (`,c1,c2,...,c9`; no cell
// holds a comma: codes, plain decimals and the fixed words of qualifier and per).
// A row of up to 64 bytes (almost all) is scanned as one 64-bit mask of its
// commas; `text` must be readable 64 bytes past its start (the caller reserves).
struct V2Cells {
  // Plain pointers and sizes, left uninitialised until set (every one is): an
  // array of string_view is zeroed first (a `rep stos` of 144 bytes a row, ~10%
  // of the binding's own time).
  struct Span {
    const char* data;
    std::size_t size;
  };
  Span span[9];
  [[nodiscard]] std::string_view cell(std::size_t k) const { return {span[k].data, span[k].size}; }
  explicit V2Cells(std::string_view text) {
    const char* const base = text.data();
    const char* const end = base + text.size();
    const char* start = base + (text.empty() ? 0 : 1);
    std::size_t k = 0;
    if (text.size() <= 64) {
      const __m128i comma = _mm_set1_epi8(',');
      std::uint64_t mask = 0;
      for (std::size_t at = 0; at < text.size(); at += 16)
        mask |= std::uint64_t{static_cast<unsigned>(_mm_movemask_epi8(
                    _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(base + at)), comma)))}
                << at;
      if (text.size() < 64) mask &= (std::uint64_t{1} << text.size()) - 1;
      mask &= ~std::uint64_t{1};  // the leading comma
      for (; mask != 0 && k < 8; mask &= mask - 1) {
        const char* c = base + __builtin_ctzll(mask);
        span[k++] = {start, static_cast<std::size_t>(c - start)};
        start = c + 1;
      }
    } else {
      for (const char* c = start; c < end && k < 8; ++c)
        if (*c == ',') {
          span[k++] = {start, static_cast<std::size_t>(c - start)};
          start = c + 1;
        }
    }
    span[k++] = {start, static_cast<std::size_t>(end - start)};
    for (; k < 9; ++k) span[k] = {end, 0};
  }
};

// A value column: float64 (NaN where empty) and the exact text (missing where empty).
struct Values {
  py::array_t<double> number;
  ExactTextColumn exact;
  double* out;
  explicit Values(std::size_t n) : number(column_array<double>(n)), exact(n), out(number.mutable_data()) {}
  // `v` may be read 32 bytes past its start (ExactTextColumn::append_padded).
  void set(std::size_t i, std::string_view v) {
    exact.append_padded(v);
    if (v.empty()) {
      out[i] = std::numeric_limits<double>::quiet_NaN();
      return;
    }
    double d = 0;
    std::from_chars(v.data(), v.data() + v.size(), d);  // the nearest double of the exact text
    out[i] = d;
  }
};

// Appends a str's UTF-8 text to `out`: ASCII strings copied as they are, others
// encoded (no UTF-8 copy is cached on each of the caller's strings: a malloc
// per row, and memory the caller keeps). A lone surrogate has no UTF-8: false,
// `out` unchanged, that row's error (issue 11; it raised UnicodeEncodeError for
// the whole frame).
template <class Unit>
bool append_utf8(const Unit* units, std::size_t n, std::string& text) {
  const std::size_t start = text.size();
  text.resize(start + 4 * n);
  char* out = text.data() + start;
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<std::uint32_t>(units[i]);
    if (c < 0x80) {
      *out++ = static_cast<char>(c);
    } else if (c < 0x800) {
      *out++ = static_cast<char>(0xC0 | (c >> 6));
      *out++ = static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      if (c >= 0xD800 && c <= 0xDFFF) {  // a lone surrogate: not encodable
        text.resize(start);
        return false;
      }
      *out++ = static_cast<char>(0xE0 | (c >> 12));
      *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      *out++ = static_cast<char>(0x80 | (c & 0x3F));
    } else {
      *out++ = static_cast<char>(0xF0 | (c >> 18));
      *out++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      *out++ = static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  text.resize(static_cast<std::size_t>(out - text.data()));
  return true;
}

bool append_text(PyObject* o, std::string& text) {
  if (PyUnicode_IS_COMPACT_ASCII(o)) {
    text.append(static_cast<const char*>(PyUnicode_DATA(o)), static_cast<std::size_t>(PyUnicode_GET_LENGTH(o)));
    return true;
  }
  if (!PyUnicode_IS_READY(o)) {  // legacy str (not made by Python 3.3+ itself)
    Py_ssize_t size = 0;
    const char* p = PyUnicode_AsUTF8AndSize(o, &size);
    if (p == nullptr) {
      PyErr_Clear();
      return false;
    }
    text.append(p, static_cast<std::size_t>(size));
    return true;
  }
  const auto n = static_cast<std::size_t>(PyUnicode_GET_LENGTH(o));
  switch (PyUnicode_KIND(o)) {
    case PyUnicode_1BYTE_KIND: return append_utf8(PyUnicode_1BYTE_DATA(o), n, text);
    case PyUnicode_2BYTE_KIND: return append_utf8(PyUnicode_2BYTE_DATA(o), n, text);
    default: return append_utf8(PyUnicode_4BYTE_DATA(o), n, text);
  }
}

// Why a str with a lone surrogate is not read: its first one and where it is.
std::string lone_surrogate_reason(PyObject* o, const char* what) {
  const Py_ssize_t n = PyUnicode_GET_LENGTH(o);
  for (Py_ssize_t k = 0; k < n; ++k)
    if (const Py_UCS4 c = PyUnicode_READ_CHAR(o, k); c >= 0xD800 && c <= 0xDFFF)
      return fmt::format("the {} holds a lone surrogate U+{:04X} at character {}, which is not text (no UTF-8 for it)",
                         what, static_cast<unsigned>(c), k + 1);
  return fmt::format("the {} is not valid Unicode text", what);
}

// A row's input str as pass 1 of the copy reads it: the text of a compact ASCII
// str (almost all), or `data == nullptr` for anything else (another kind of str,
// or not a str), which pass 2 reads through append_text.
struct StrHead {
  const char* data = nullptr;
  std::size_t size = 0;
};

// Pass 1 over a block: each object's header, and the last byte of its text, read
// with independent loads, so that their cache and TLB misses overlap (the
// strings of a read_csv column lie scattered over tens of MB: one miss a row).
// Prefetch instructions did not help (0, 8 or 32 rows ahead: the same time);
// these loads halved the copy's time.
inline unsigned read_heads(PyObject* const* objects, std::size_t first, std::size_t rows, StrHead* heads) {
  unsigned touched = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    PyObject* o = objects[first + r];
    if (PyUnicode_Check(o) && PyUnicode_IS_COMPACT_ASCII(o)) {
      const auto* data = static_cast<const char*>(PyUnicode_DATA(o));
      const auto size = static_cast<std::size_t>(PyUnicode_GET_LENGTH(o));
      touched += static_cast<unsigned char>(data[size]);  // the terminating NUL: the text's last line
      heads[r] = {data, size};
    } else {
      heads[r] = {};
    }
  }
  return touched;
}

// `status`, `currency_source`: whether those columns are wanted (each row's code
// is stored only then; the totals count every row either way).
py::dict normalize_columns(NormalizerHandle& h, const py::array& figures, const py::object& dates, bool reasons,
                           bool want_status, bool want_source) {
  want_status = want_status || reasons;  // the reasons read each row's status
  if (reasons && !h.explaining) {
    NormalizeOptions o = h.options;
    o.reasons = true;
    h.explaining = std::make_unique<Normalizer>(h.fx->table, o);
  }
  const Normalizer& normalizer = reasons ? *h.explaining : *h.normalizer;
  if (figures.ndim() != 1 || figures.dtype().kind() != 'O') throw py::type_error("figures: a 1-d object array of str");
  const auto n = static_cast<std::size_t>(figures.shape(0));
  PyObject* const* figure_objects = static_cast<PyObject* const*>(figures.data());

  // Dates: an object array of str, or int64 days since 1970 (NaT: INT64_MIN).
  py::array date_array = py::array::ensure(dates);
  if (!date_array || date_array.ndim() != 1 || static_cast<std::size_t>(date_array.shape(0)) != n)
    throw py::value_error("dates: one per figure");
  const bool day_numbers = date_array.dtype().kind() == 'i';
  if (!day_numbers && date_array.dtype().kind() != 'O') throw py::type_error("dates: str or datetime64 values");
  py::array_t<std::int64_t> day_array;
  if (day_numbers) day_array = py::array_t<std::int64_t>::ensure(date_array);
  PyObject* const* date_objects = day_numbers ? nullptr : static_cast<PyObject* const*>(date_array.data());
  const std::int64_t* days = day_numbers ? day_array.data() : nullptr;

  Codes currency(n), qualifier(n), per(n), status(want_status ? n : 0), currency_source(want_source ? n : 0);
  ExactTextColumn amount(n), low(n), high(n);
  Values value(n), value_low(n), value_high(n);
  ExactTextColumn reason_text(reasons ? n : 0);
  std::vector<unsigned char> surrogate(reasons ? n : 0);  // 1: in the figure, 2: in the date (read as empty)
  // Statuses in a fixed order, whatever rows come first.
  for (const char* s : {"converted", "without_rate", "unparsed", "invalid"}) status.add(s);
  NormalizeTotals totals;

  // Blocks of rows in two steps: copy the inputs' text into one buffer (GIL
  // held; no reference taken on the caller's str objects, so their memory is
  // only read), then normalize the block into the output columns, C++ buffers
  // and NumPy arrays without a Python object per row, with the GIL released
  // (other Python threads run: a Dask worker's, a GUI's).
  constexpr std::size_t block = 1024;
  std::vector<std::size_t> figure_end(block), date_end(block);  // into `input`: figure, then date, row after row
  std::vector<StrHead> figure_head(block), date_head(block);
  std::string input, scratch, why;
  constexpr std::size_t ahead = 4, ring = 8;  // the library stream's distance (v2_stream.cpp)
  detail::V2Read read[ring];
  input.reserve(64 * block);
  scratch.reserve(256);
  for (std::size_t first = 0; first < n; first += block) {
    const std::size_t rows = std::min(block, n - first);
    input.clear();
    unsigned touched = read_heads(figure_objects, first, rows, figure_head.data());
    if (!day_numbers) touched += read_heads(date_objects, first, rows, date_head.data());
    asm volatile("" : : "r"(touched));  // the loads are kept: their misses are the point
    for (std::size_t r = 0; r < rows; ++r) {
      const std::size_t i = first + r;
      if (figure_head[r].data != nullptr) {
        input.append(figure_head[r].data, figure_head[r].size);
      } else if (PyUnicode_Check(figure_objects[i])) {
        const std::size_t figure_start = input.size();
        if (!append_text(figure_objects[i], input)) {
          input.resize(figure_start);
          if (reasons) surrogate[i] = 1;
        }
      }
      figure_end[r] = input.size();
      if (day_numbers) {
        if (days[i] != std::numeric_limits<std::int64_t>::min()) {
          char day[10];
          if (format_day(days[i], day)) input.append(day, 10);
        }
      } else if (date_head[r].data != nullptr) {
        input.append(date_head[r].data, date_head[r].size);
      } else if (PyUnicode_Check(date_objects[i])) {
        const std::size_t date_start = input.size();
        if (!append_text(date_objects[i], input)) {
          input.resize(date_start);
          if (reasons) surrogate[i] |= 2;
        }
      }
      date_end[r] = input.size();
    }
    py::gil_scoped_release unlocked;
    const auto figure_of = [&](std::size_t r) {
      const std::size_t begin = r == 0 ? 0 : date_end[r - 1];
      return std::string_view(input.data() + begin, figure_end[r] - begin);
    };
    const auto date_of = [&](std::size_t r) {
      return std::string_view(input.data() + figure_end[r], date_end[r] - figure_end[r]);
    };
    // Each row's date and figure are read `ahead` rows before its cells are
    // written (read_v2_row), so that the rates they name are in the cache by
    // then (dates are random: each look-up would miss), as the library's stream does.
    for (std::size_t r = 0; r < std::min(ahead, rows); ++r)
      detail::read_v2_row(normalizer, date_of(r), figure_of(r), read[r % ring]);
    for (std::size_t r = 0; r < rows; ++r) {
      const std::size_t i = first + r;
      if (r + ahead < rows)
        detail::read_v2_row(normalizer, date_of(r + ahead), figure_of(r + ahead), read[(r + ahead) % ring]);
      // The row's cells as the library's v2 code writes them (normalize_row's
      // text), split here in one pass.
      scratch.clear();
      why.clear();
      CurrencySource source = CurrencySource::none;
      const RowStatus st =
          detail::append_v2_cells(normalizer, date_of(r), figure_of(r), read[r % ring], scratch, why, source);
      // Room to read past the text: 64 bytes from its start (V2Cells), 32 past
      // any cell's start (append_padded), 8 past a categorical's (Codes::set).
      if (scratch.capacity() < scratch.size() + 64) scratch.reserve(scratch.size() + 64);
      const V2Cells c(scratch);
      currency.set(i, c.cell(0), true);
      amount.append_padded(c.cell(1));
      low.append_padded(c.cell(2));
      high.append_padded(c.cell(3));
      qualifier.set(i, c.cell(4), true);
      per.set(i, c.cell(5), true);
      value.set(i, c.cell(6));
      value_low.set(i, c.cell(7));
      value_high.set(i, c.cell(8));
      if (want_source) currency_source.set(i, source);
      if (source == CurrencySource::default_) ++totals.currency_by_default;
      if (want_status) status.put(i, static_cast<std::int16_t>(st));
      ++totals.rows_read;
      switch (st) {
        case RowStatus::converted: ++totals.converted; break;
        case RowStatus::without_rate: ++totals.without_rate; break;
        case RowStatus::unparsed: ++totals.unparsed; break;
        case RowStatus::invalid: ++totals.invalid; break;
      }
      if (reasons) reason_text.append(why);
    }
  }
  py::array reason;
  if (reasons) {  // not on the fast path: a str per row not converted
    const py::tuple texts = reason_text.release();
    const auto* bytes = static_cast<const char*>(texts[0].cast<py::array>().data());
    const py::array ends = texts[1].cast<py::array>();  // int32, or int64 past 2 GiB of text
    const bool wide = ends.dtype().itemsize() == 8;
    const auto end = [&, p = ends.data()](std::size_t k) -> std::int64_t {
      return wide ? static_cast<const std::int64_t*>(p)[k] : static_cast<const std::int32_t*>(p)[k];
    };
    reason = object_array(n);
    for (std::size_t i = 0; i < n; ++i) {
      const std::string_view c(bytes + end(i), static_cast<std::size_t>(end(i + 1) - end(i)));
      const auto st = static_cast<RowStatus>(status.at(i));
      if (surrogate[i] != 0) {
        const std::string why = (surrogate[i] & 1) ? lone_surrogate_reason(figure_objects[i], "figure")
                                                   : lone_surrogate_reason(date_objects[i], "date");
        put(reason, i, PyUnicode_FromStringAndSize(why.data(), static_cast<Py_ssize_t>(why.size())));
      } else if (st == RowStatus::unparsed && !PyUnicode_Check(figure_objects[i])) {
        // Not text: say what it is, not that an empty figure ended early.
        PyObject* o = figure_objects[i];
        const bool missing = o == Py_None || (PyFloat_Check(o) && std::isnan(PyFloat_AS_DOUBLE(o)));
        const std::string why = missing ? std::string("no figure (a missing value)")
                                        : std::string("a ") + Py_TYPE(o)->tp_name +
                                              " value, not text: a figure is a str with its currency ('$5bn')";
        put(reason, i, PyUnicode_FromStringAndSize(why.data(), static_cast<Py_ssize_t>(why.size())));
      } else if (!c.empty()) {
        put(reason, i, PyUnicode_DecodeUTF8(c.data(), static_cast<Py_ssize_t>(c.size()), "replace"));
      }
    }
  }
  py::dict out;
  const auto categorical = [](Codes& k) { return py::make_tuple(k.release(), k.categories); };
  out["currency"] = categorical(currency);
  out["amount"] = amount.release();
  out["low"] = low.release();
  out["high"] = high.release();
  out["qualifier"] = categorical(qualifier);
  out["per"] = categorical(per);
  out["value"] = py::make_tuple(value.number, value.exact.release());
  out["value_low"] = py::make_tuple(value_low.number, value_low.exact.release());
  out["value_high"] = py::make_tuple(value_high.number, value_high.exact.release());
  if (want_status) out["status"] = categorical(status);
  if (want_source) out["currency_source"] = categorical(currency_source);
  if (reasons) out["reason"] = reason;
  out["totals"] = py::dict("rows_read"_a = totals.rows_read, "converted"_a = totals.converted,
                           "without_rate"_a = totals.without_rate, "unparsed"_a = totals.unparsed, "invalid"_a = totals.invalid,
                           "currency_by_default"_a = totals.currency_by_default);
  return out;
}

}  // namespace

NormalizeOptions normalize_options(const FxTable& t, const NormalizerArgs& a) {
  NormalizeOptions options;
  options.spec = NormalizeSpec::v2;
  options.target = value_or_raise(Currency::from_code(a.to));
  {  // as the CLI's --to: a currency the table has no rate of would fail every row (issue 11)
    bool known = (t.pivot() && *t.pivot() == options.target) || !t.fixings(options.target).empty();
    for (const FxSeries& s : t.series())
      known = known || (!s.fixings.empty() && (s.base == options.target || s.quote == options.target));
    if (!known) throw py::value_error("to: '" + a.to + "' has no rates in the FX table");
  }
  if (!a.scale.empty()) {
    const auto s = scale_from_token(a.scale);
    if (!s) throw py::value_error("scale: unknown scale '" + a.scale + "' (k, mn, bn, tn, ...)");
    options.scale_exponent = s->exponent;
  }
  if (a.digits && a.decimals) throw py::value_error("digits and decimals exclude each other");
  if (a.digits) options.significant_digits = *a.digits;
  options.decimals = a.decimals;
  const auto r = rounding_from(a.rounding);
  if (!r) throw py::value_error("rounding: unknown mode '" + a.rounding + "'");
  options.rounding = *r;
  // None: from the table's frequency, as the CLI does (31 days for monthly averages).
  if (a.max_staleness) {
    options.max_staleness = date::days{*a.max_staleness};
  } else {
    bool monthly = false;
    for (const FxSeries& s : t.series()) monthly = monthly || s.periodicity == Periodicity::monthly;
    options.max_staleness = typical_staleness(monthly ? Periodicity::monthly : Periodicity::daily);
  }
  if (!a.locale.empty()) {  // how numbers are written (`1.234,5`), as the CLI's --locale
    if (Lexicon::builtin().locale(a.locale) == nullptr)
      throw py::value_error("locale: unknown locale '" + a.locale + "' (data/lexicon/locales.csv)");
    options.parse.locale = a.locale;
  }
  options.date_column = a.date_column;  // the CSV header names (csv_range)
  options.figure_column = a.figure_column;
  if (a.dollar) {  // the caller's word (even "USD"): a `$` is then read through an option, not a default
    options.parse.currency.dollar = value_or_raise(Currency::from_code(*a.dollar));
    options.parse.currency.dollar_is_option = true;
  }
  if (a.yen) options.parse.currency.yen_or_yuan = value_or_raise(Currency::from_code(*a.yen));
  options.reasons = false;
  return options;
}

void bind_normalize(py::module_& m) {
  py::class_<NormalizerHandle, std::shared_ptr<NormalizerHandle>>(m, "Normalizer")
      .def(py::init([](std::shared_ptr<FxTableHandle> fx, const std::string& to, const std::string& scale,
                       std::optional<int> digits, std::optional<int> decimals, const std::string& rounding,
                       std::optional<int> max_staleness, const std::optional<std::string>& dollar, const std::optional<std::string>& yen,
                       const std::string& date_column, const std::string& figure_column, const std::string& locale) {
             const NormalizerArgs args{to, scale, digits, decimals, rounding, max_staleness, dollar, yen,
                                       date_column, figure_column, locale};
             auto h = std::make_shared<NormalizerHandle>();
             h->options = normalize_options(fx->table, args);
             h->fx = std::move(fx);
             if (h->fx->prepared && args == NormalizerArgs{}) {  // the one FxTable.load built
               h->normalizer = h->fx->prepared;
               return h;
             }
             try {
               py::gil_scoped_release unlocked;  // ~40M instructions: other Python threads run meanwhile
               h->normalizer = std::make_shared<const Normalizer>(h->fx->table, h->options);
             } catch (const std::invalid_argument& e) {
               throw py::value_error(e.what());
             }
             return h;
           }),
           py::arg("fx"), py::arg("to") = "USD", py::arg("scale") = "", py::arg("digits") = py::none(),
           py::arg("decimals") = py::none(), py::arg("rounding") = "half_even", py::arg("max_staleness") = 7,
           py::arg("dollar") = py::none(), py::arg("yen") = py::none(), py::arg("date_column") = "date",
           py::arg("figure_column") = "figure", py::arg("locale") = "")
      .def("columns", &normalize_columns, py::arg("figures"), py::arg("dates"), py::arg("reasons") = false,
           py::arg("status") = true, py::arg("currency_source") = true)
      .def_property_readonly("value_column", [](const NormalizerHandle& h) {
        std::string c(h.normalizer->options().target.code());
        for (char& ch : c) ch = static_cast<char>(ch - 'A' + 'a');
        return c + "_value";
      });
}

}  // namespace finmetrics::python
