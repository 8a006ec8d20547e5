// Exact text columns (exact_text.hpp) and the helpers finmetrics/_exact.py's
// ExtensionArray calls on them: a row's str, every row's str, equality with a
// str, and take, each one loop over the buffer.
#include "exact_text.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <cstdlib>
#include <cstring>
#include <new>
#include <memory>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "column_memory.hpp"

namespace finmetrics::python {

ExactTextColumn::ExactTextColumn(std::size_t rows, std::size_t narrow_limit) : rows_(rows), narrow_limit_(narrow_limit) {
  // Virtual memory only until written: no copy as a value column grows.
  const std::size_t size = rows * 24 + 64;
  bytes_ = static_cast<char*>(allocate_column_memory(size));
  next_ = bytes_;
  limit_ = bytes_ + size;
  wide_ = size > narrow_limit_;
}

ExactTextColumn::~ExactTextColumn() {
  std::free(bytes_);
  std::free(ends_);
}

void ExactTextColumn::grow(std::size_t more) {
  const auto used = static_cast<std::size_t>(next_ - bytes_);
  const std::size_t size = std::max(2 * static_cast<std::size_t>(limit_ - bytes_), used + more);
  auto* bigger = static_cast<char*>(grow_column_memory(bytes_, used, size));
  bytes_ = bigger;
  next_ = bigger + used;
  limit_ = bigger + size;
  if (!wide_ && size > narrow_limit_) {
    wide_ = true;  // the ends so far as int64
    if (ends_ != nullptr) {
      const auto written = static_cast<std::size_t>(end32_ - static_cast<std::int32_t*>(ends_)) + 1;
      auto* wider = static_cast<std::int64_t*>(allocate_column_memory((rows_ + 1) * sizeof(std::int64_t)));
      std::copy_n(static_cast<const std::int32_t*>(ends_), written, wider);
      std::free(ends_);
      ends_ = wider;
      end64_ = wider + written - 1;
      end32_ = nullptr;
    }
  }
}

void ExactTextColumn::start_ends() {
  const std::size_t width = wide_ ? sizeof(std::int64_t) : sizeof(std::int32_t);
  ends_ = allocate_column_memory((rows_ + 1) * width);
  std::memset(ends_, 0, (leading_ + 1) * width);
  if (wide_) end64_ = static_cast<std::int64_t*>(ends_) + leading_;
  else end32_ = static_cast<std::int32_t*>(ends_) + leading_;
}

py::tuple ExactTextColumn::release() {
  const auto size = static_cast<py::ssize_t>(next_ - bytes_);
  char* owned = bytes_;
  py::capsule free_bytes(owned, [](void* p) { std::free(p); });
  bytes_ = next_ = limit_ = nullptr;  // the capsule frees it now
  py::array_t<std::uint8_t> data(size, reinterpret_cast<const std::uint8_t*>(owned), free_bytes);
  const auto rows = static_cast<py::ssize_t>(rows_ + 1);
  if (ends_ == nullptr)  // no row has a text: every end is 0, pages untouched until read
    return py::make_tuple(std::move(data), column_zeros<std::int32_t>(rows_ + 1));
  void* ends = ends_;
  py::capsule free_ends(ends, [](void* p) { std::free(p); });
  ends_ = nullptr;
  end32_ = nullptr;
  end64_ = nullptr;
  if (wide_) return py::make_tuple(std::move(data), py::array_t<std::int64_t>(rows, static_cast<std::int64_t*>(ends), free_ends));
  return py::make_tuple(std::move(data), py::array_t<std::int32_t>(rows, static_cast<std::int32_t*>(ends), free_ends));
}

namespace {

using Data = py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>;

// Row ends as an ExactStringArray holds them: int32 (what normalize makes) or
// int64, read where they are; another dtype or layout converted to int64 once.
struct Ends {
  py::array keep;
  const void* at = nullptr;
  bool wide = false;
  std::size_t count = 0;
  std::int64_t operator[](std::size_t i) const {
    return wide ? static_cast<const std::int64_t*>(at)[i] : std::int64_t{static_cast<const std::int32_t*>(at)[i]};
  }
};

Ends ends_of(const py::array& offsets) {
  Ends e;
  const py::dtype t = offsets.dtype();
  const bool plain = t.kind() == 'i' && (t.itemsize() == 4 || t.itemsize() == 8) &&
                     (offsets.flags() & py::array::c_style) != 0;
  e.keep = plain ? offsets : py::array(py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(offsets));
  if (!e.keep) throw py::value_error("offsets: integers");
  if (e.keep.ndim() != 1 || e.keep.shape(0) < 1) throw py::value_error("offsets: one more than the rows");
  e.wide = e.keep.dtype().itemsize() == 8;
  e.at = e.keep.data();
  e.count = static_cast<std::size_t>(e.keep.shape(0));
  return e;
}

struct Rows {
  const char* bytes;
  Ends at;
  std::size_t n;
  std::string_view row(std::size_t i) const {
    const std::int64_t a = at[i];
    return {bytes + a, static_cast<std::size_t>(at[i + 1] - a)};
  }
};

Rows rows_of(const Data& data, const py::array& offsets) {
  Ends at = ends_of(offsets);
  const std::size_t n = at.count - 1;
  const auto size = static_cast<std::int64_t>(data.size());
  for (std::size_t i = 0; i < n; ++i)
    if (at[i] < 0 || at[i + 1] < at[i] || at[i + 1] > size) throw py::value_error("offsets: not within the data");
  return {reinterpret_cast<const char*>(data.data()), std::move(at), n};
}

// A row's str: ASCII copied straight into a compact str; other text decoded.
PyObject* str_of(std::string_view text) {
  bool ascii = true;
  for (const char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (!ascii) {
    PyObject* o = PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "replace");
    if (o == nullptr) throw py::error_already_set();
    return o;
  }
  PyObject* o = PyUnicode_New(static_cast<Py_ssize_t>(text.size()), 127);
  if (o == nullptr) throw py::error_already_set();
  std::memcpy(PyUnicode_DATA(o), text.data(), text.size());
  return o;
}

// One row's str: only its two offsets are checked (a loop of .iat over a
// column must not check every row each time).
py::object row_str(const Data& data, const py::array& offsets, std::size_t i) {
  const Ends at = ends_of(offsets);
  if (i + 1 >= at.count) throw py::index_error("row out of range");
  const std::int64_t a = at[i], b = at[i + 1];
  if (a < 0 || b < a || b > static_cast<std::int64_t>(data.size())) throw py::value_error("offsets: not within the data");
  if (b == a) return py::none();
  return py::reinterpret_steal<py::object>(
      str_of({reinterpret_cast<const char*>(data.data()) + a, static_cast<std::size_t>(b - a)}));
}

// Every row as str (None where missing), in an object array.
py::array strings(const Data& data, const py::array& offsets) {
  const Rows r = rows_of(data, offsets);
  py::array out(py::dtype("O"), py::array::ShapeContainer{static_cast<py::ssize_t>(r.n)});
  auto** slots = static_cast<PyObject**>(out.mutable_data());
  for (std::size_t i = 0; i < r.n; ++i) {
    const std::string_view t = r.row(i);
    PyObject* o = Py_None;
    if (t.empty()) Py_INCREF(Py_None);
    else o = str_of(t);
    PyObject* old = slots[i];  // NULL or None, as numpy made the array
    slots[i] = o;
    Py_XDECREF(old);
  }
  return out;
}

py::array_t<bool> equals(const Data& data, const py::array& offsets, const std::string& text) {
  const Rows r = rows_of(data, offsets);
  py::array_t<bool> out(static_cast<py::ssize_t>(r.n));
  bool* o = out.mutable_data();
  for (std::size_t i = 0; i < r.n; ++i) o[i] = !text.empty() && r.row(i) == text;
  return out;
}

// Rows `indices` (-1: a missing row) as a new (data, offsets).
py::tuple take(const Data& data, const py::array& offsets, const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& indices) {
  const Rows r = rows_of(data, offsets);
  const auto k = static_cast<std::size_t>(indices.size());
  const std::int64_t* idx = indices.data();
  ExactTextColumn out(k);
  for (std::size_t j = 0; j < k; ++j) {
    const std::int64_t i = idx[j];
    if (i < -1 || i >= static_cast<std::int64_t>(r.n)) throw py::index_error("take: index out of range");
    out.append(i < 0 ? std::string_view{} : r.row(static_cast<std::size_t>(i)));
  }
  return out.release();
}

// (data, offsets) of a sequence of str or None/NaN (missing); an empty str is
// refused: it could not be told from a missing value. `narrow_limit`: as
// ExactTextColumn's (tests only).
py::tuple from_strings(const py::iterable& values, std::size_t narrow_limit) {
  const py::list items(values);
  const py::object na = py::module_::import("pandas").attr("NA");
  ExactTextColumn out(items.size(), narrow_limit);
  for (const py::handle v : items) {
    if (PyUnicode_Check(v.ptr())) {
      Py_ssize_t size = 0;
      const char* p = PyUnicode_AsUTF8AndSize(v.ptr(), &size);
      if (p == nullptr) throw py::error_already_set();
      if (size == 0) throw py::value_error("an exact text is never empty (missing values are None)");
      out.append({p, static_cast<std::size_t>(size)});
    } else if (v.is_none() || v.is(na) || (PyFloat_Check(v.ptr()) && PyFloat_AS_DOUBLE(v.ptr()) != PyFloat_AS_DOUBLE(v.ptr()))) {
      out.append({});
    } else {
      throw py::type_error(std::string("an exact text is a str, not ") + Py_TYPE(v.ptr())->tp_name);
    }
  }
  return out.release();
}

}  // namespace

void bind_exact_text(py::module_& m) {
  m.def("exact_row", &row_str, py::arg("data"), py::arg("offsets"), py::arg("row"));
  m.def("exact_strings", &strings, py::arg("data"), py::arg("offsets"));
  m.def("exact_equals", &equals, py::arg("data"), py::arg("offsets"), py::arg("text"));
  m.def("exact_take", &take, py::arg("data"), py::arg("offsets"), py::arg("indices"));
  m.def("exact_from_strings", &from_strings, py::arg("values"),
        py::arg("narrow_limit") = static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()));
}

}  // namespace finmetrics::python
