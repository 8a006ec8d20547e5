#pragma once
/// \file
/// Articles as people have them: plain text, Markdown or HTML, turned into the
/// text the extractor reads. Spans of extracted figures are byte offsets into
/// that text (`ArticleText::text`), never into the file: the JSON report says so.
/// Invalid UTF-8 is replaced by U+FFFD and counted, so that everything written
/// about the text is valid UTF-8.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace finmetrics {

enum class ArticleFormat { text, markdown, html };

/// "text", "markdown", "html".
[[nodiscard]] std::string_view to_string(ArticleFormat f) noexcept;
/// The format named `name` ("text", "txt", "markdown", "md", "html"), or nullopt.
[[nodiscard]] std::optional<ArticleFormat> article_format_named(std::string_view name) noexcept;
/// The format a file's extension says: `.html`, `.htm`, `.xhtml` are HTML;
/// `.md`, `.markdown` Markdown; anything else plain text.
[[nodiscard]] ArticleFormat article_format_of(const std::filesystem::path& file);

/// What the text read from an article is, for the report.
struct ArticleInfo {
  ArticleFormat format = ArticleFormat::text;
  /// Bytes of the input that were not UTF-8, each replaced by U+FFFD (3 bytes).
  std::size_t invalid_bytes_replaced = 0;
  /// What the spans refer to, in words: "the text as given", "the text of the
  /// HTML (tags, scripts and styles dropped, entities decoded, blocks as paragraphs)".
  [[nodiscard]] std::string spans() const;
};

/// The text an extractor reads, and what it was read from.
struct ArticleText {
  std::string text;
  ArticleInfo info;
};

/// `bytes` with every byte that does not belong to a well-formed UTF-8 sequence
/// (overlong forms, surrogates, beyond U+10FFFF, truncated sequences) replaced by
/// U+FFFD; `replaced` counts them.
[[nodiscard]] std::string valid_utf8(std::string_view bytes, std::size_t& replaced);

/// Plain text: only invalid UTF-8 is replaced.
[[nodiscard]] ArticleText plain_article(std::string_view bytes);

/// Markdown as text: headings, emphasis, inline code marks, block quotes, list
/// bullets, tables' pipes and rules dropped; links and images keep their text
/// (`[Alibaba](https://...)` reads `Alibaba`, the URL is dropped); HTML tags
/// inside are dropped; fenced code blocks are kept as they are (figures in code
/// are still figures). Line structure is kept: blank lines stay paragraph breaks.
[[nodiscard]] ArticleText markdown_article(std::string_view bytes);

}  // namespace finmetrics
