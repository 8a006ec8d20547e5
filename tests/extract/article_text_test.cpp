#include <string>

#include <catch2/catch.hpp>

#include "finmetrics/extract/article_text.hpp"
#include "finmetrics/extract/extract_figures.hpp"

using namespace finmetrics;

TEST_CASE("invalid UTF-8 is replaced byte by byte, valid UTF-8 is kept as it is", "[extract][article]") {
  std::size_t n = 0;
  CHECK(valid_utf8("Rmb81bn 人民币 €5 😀", n) == "Rmb81bn 人民币 €5 😀");
  CHECK(n == 0);
  // A lone continuation byte, a truncated sequence, an overlong '/', a surrogate, beyond U+10FFFF.
  CHECK(valid_utf8("a\x80" "b\xe4\xba" "c\xc0\xaf" "d\xed\xa0\x80" "e\xf4\x90\x80\x80", n) ==
        "a\uFFFDb\uFFFD\uFFFDc\uFFFD\uFFFDd\uFFFD\uFFFD\uFFFDe\uFFFD\uFFFD\uFFFD\uFFFD");
  CHECK(n == 12);
}

TEST_CASE("the format of an article is told by its extension or its name", "[extract][article]") {
  CHECK(article_format_of("a/story.HTML") == ArticleFormat::html);
  CHECK(article_format_of("story.htm") == ArticleFormat::html);
  CHECK(article_format_of("notes.md") == ArticleFormat::markdown);
  CHECK(article_format_of("story.txt") == ArticleFormat::text);
  CHECK(article_format_of("story") == ArticleFormat::text);
  CHECK(article_format_named("markdown") == ArticleFormat::markdown);
  CHECK(article_format_named("pdf") == std::nullopt);
}

TEST_CASE("Markdown is read as its text: markup dropped, link text kept, lines kept", "[extract][article]") {
  const std::string md =
      "# Results: **Revenue** up 13%\n"
      "\n"
      "> [Alibaba](https://example.com/a%20b?x=5%25) said *net profit* jumped 82% to `$3.2bn`.\n"
      "- Cloud: HK$1.2bn\n"
      "1. Margin: 9%\n"
      "\n"
      "| metric | value |\n"
      "|---|---:|\n"
      "| capex | Rmb81bn |\n"
      "---\n"
      "Price: \\*new\\* <br/>now![chart](c.png)\n"
      "[1]: https://example.com/100%\n";
  const ArticleText a = markdown_article(md);
  CHECK(a.text ==
        "Results: Revenue up 13%\n"
        "\n"
        "Alibaba said net profit jumped 82% to $3.2bn.\n"
        "Cloud: HK$1.2bn\n"
        "Margin: 9%\n"
        "\n"
        "metric ; value\n"
        "\n"
        "capex ; Rmb81bn\n"
        "\n"
        "Price: *new* nowchart\n"
        "\n");
  std::vector<std::string> figures;
  for (const auto& f : extract_figures(a.text).figures) figures.push_back(f.text);
  CHECK(figures == std::vector<std::string>{"13%", "82%", "$3.2bn", "HK$1.2bn", "9%", "Rmb81bn"});
}
