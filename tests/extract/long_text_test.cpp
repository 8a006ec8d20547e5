#include <cstddef>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "fixture_files.hpp"
#include "../../src/extract/working_memory.hpp"
#include "finmetrics/extract/extract_figures.hpp"
#include "shared_data.hpp"

// A long text's working arrays (its figures, reads, sentence and cue indexes) are
// reserved from its size (the reads of a denser text grown by doubling) and, past a
// few MB, asked onto 2-MB pages (src/extract/working_memory.hpp): the reading must
// not depend on either. The seed
// articles repeated past that size read, copy after copy, the figures of the first
// copy at shifted places.

using namespace finmetrics;

namespace {

// What a figure reads as, its places taken from `shift` bytes and `index_shift` figures on.
struct Placed {
  std::size_t begin, end, sentence_begin, sentence_end;
  std::string text, kind, unit, qualifier, value, interval, source, before, after, context;
  std::ptrdiff_t linked;
  friend bool operator==(const Placed&, const Placed&) = default;
};

Placed placed(const ExtractedFigure& f, std::size_t shift, std::size_t index_shift) {
  std::string context;
  for (const ContextGuess* g : {&f.context.entity, &f.context.segment, &f.context.metric, &f.context.period,
                                &f.context.direction}) {
    context += fmt::format("{}|{}|{};", g->value, g->confidence, g->evidence);
  }
  return Placed{f.span.begin - shift,
                 f.span.end - shift,
                 f.sentence.begin - shift,
                 f.sentence.end - shift,
                 f.text,
                 std::string(to_string(f.kind)),
                 f.unit.to_string(),
                 std::string(to_string(f.qualifier)),
                 f.quoted ? f.quoted->value.to_string() : "",
                 f.interval ? f.interval->to_string() : "",
                 std::string(to_string(f.currency_source)),
                 f.before,
                 f.after,
                 context,
                 f.linked ? static_cast<std::ptrdiff_t>(*f.linked - index_shift) : -1};
}

}  // namespace

TEST_CASE("reserve_on_huge_pages reserves at least what is asked and keeps what is written", "[extract][memory]") {
  for (const std::size_t n : {std::size_t{0}, std::size_t{16}, (std::size_t{5} << 20) / sizeof(std::size_t)}) {
    std::vector<std::size_t> v;
    extract_detail::reserve_on_huge_pages(v, n);
    CHECK(v.capacity() >= n);
    for (std::size_t i = 0; i < n; ++i) v.push_back(i * 7);
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < n; ++i) wrong += v[i] != i * 7;
    CHECK(wrong == 0);
  }
}

TEST_CASE("grow_on_huge_pages doubles a full vector's capacity and moves its elements in order", "[extract][memory]") {
  std::vector<std::unique_ptr<int>> v;
  extract_detail::grow_on_huge_pages(v);
  CHECK(v.capacity() >= 16);
  for (int i = 0; i < 16; ++i) v.push_back(std::make_unique<int>(i));
  const std::size_t full = v.capacity();
  extract_detail::grow_on_huge_pages(v);
  CHECK(v.capacity() >= 2 * full);
  REQUIRE(v.size() == 16);
  for (int i = 0; i < 16; ++i) CHECK(*v[static_cast<std::size_t>(i)] == i);
}

TEST_CASE("the seed articles repeated past 5 MB read, copy after copy, the figures of one copy", "[extract][memory]") {
  FINMETRICS_REQUIRE_SHARED("seeds/000_4be4fd45a4304e2c.txt");
  std::string once;
  for (const char* name : {"000_4be4fd45a4304e2c", "001_176cb876e40a5867", "002_af63c1e32f5ec212",
                           "003_86dc9b19e2eddc32", "004_893f16c0d21005b9"}) {
    once += test::slurp(test::shared_path(fmt::format("seeds/{}.txt", name)));
    once += '\n';
  }
  REQUIRE(once.size() > 60000);
  std::string text;
  while (text.size() < (std::size_t{5} << 20)) text += once;
  const std::size_t copies = text.size() / once.size();
  ExtractOptions options;
  options.article_date = Date{2025, 3, 28};

  const Extraction first = extract_figures(text.substr(0, 2 * once.size()), options);
  const Extraction all = extract_figures(text, options);
  REQUIRE(first.figures.size() % 2 == 0);
  const std::size_t per_copy = first.figures.size() / 2;
  REQUIRE(per_copy > 50);
  REQUIRE(all.figures.size() == copies * per_copy);
  CHECK(all.skipped.size() == copies * (first.skipped.size() / 2));
  CHECK_FALSE(all.unread_from);
  // The second copy of the short text against every copy of the long one (the first
  // copy of a text is the only one with no copy before it).
  std::size_t differ = 0;
  for (std::size_t k = 1; k < copies; ++k) {
    for (std::size_t i = 0; i < per_copy; ++i) {
      const Placed want = placed(first.figures[per_copy + i], once.size(), per_copy);
      const Placed got = placed(all.figures[k * per_copy + i], k * once.size(), k * per_copy);
      if (!(want == got) && ++differ <= 3) {
        INFO("copy " << k << ", figure " << i << ": '" << got.text << "' at " << got.begin);
        CHECK(want == got);
      }
    }
  }
  CHECK(differ == 0);
}
