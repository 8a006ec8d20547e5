#pragma once
// HTML articles as text for `finmetrics extract`, read with libxml2's HTML
// parser (Debian's libxml2-dev). Kept in the CLI so that only the CLI links
// libxml2; the library reads plain text and Markdown (extract/article_text.hpp).

#include <string_view>

#include "finmetrics/error.hpp"
#include "finmetrics/extract/article_text.hpp"

namespace finmetrics::cli {

/// The text of an HTML document: tags dropped, `script`, `style`, `noscript`,
/// `template`, `svg` and comments dropped with their content, entities decoded,
/// block elements (p, div, li, h1..h6, tr, blockquote, ...) as paragraph breaks,
/// `br` as a line break, table cells apart (` ; `), white space collapsed
/// outside `pre`. Invalid UTF-8 is replaced first (and counted). Error (`io`)
/// only when libxml2 cannot build a document at all.
[[nodiscard]] Result<ArticleText> html_article(std::string_view bytes);

}  // namespace finmetrics::cli
