// parse_date on arbitrary bytes. Invariants: an accepted date is ok() and formats
// back to exactly the text read (the grammar is strict YYYY-MM-DD); an error is
// invalid_date with a message naming the text and a position inside it.

#include "finmetrics/time/date.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = finmetrics::fuzz::as_text(data, size);
  auto d = finmetrics::parse_date(text);
  if (!d) {
    FUZZ_CHECK(d.error().code == finmetrics::Errc::invalid_date, d.error().describe());
    FUZZ_CHECK(d.error().position <= text.size(), d.error().describe());
    FUZZ_CHECK(d.error().input == text, d.error().describe());
    return 0;
  }
  FUZZ_CHECK(d->ok(), text);
  FUZZ_CHECK(finmetrics::to_string(*d) == text, text);
  return 0;
}
