#include "html_article.hpp"

#include <array>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

namespace finmetrics::cli {

namespace {

bool named(const xmlNode* n, std::initializer_list<const char*> names) {
  for (const char* name : names)
    if (xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0) return true;
  return false;
}

// Appends text with white space collapsed to single spaces (outside `pre`).
class TextWriter {
 public:
  explicit TextWriter(std::string& out) : out_(out) {}

  void text(std::string_view t, bool pre) {
    for (const char c : t) {
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
      if (pre) {
        out_ += c;
        pending_space_ = false;
      } else if (space) {
        pending_space_ = !out_.empty() && out_.back() != '\n';
      } else {
        if (pending_space_) out_ += ' ';
        pending_space_ = false;
        out_ += c;
      }
    }
  }
  // A paragraph break (`blank`) or a line break; never more than one blank line.
  void br(bool blank) {
    pending_space_ = false;
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    if (out_.empty()) return;
    const std::size_t want = blank ? 2 : 1;
    std::size_t have = 0;
    while (have < out_.size() && out_[out_.size() - 1 - have] == '\n') ++have;
    if (have < want) out_.append(want - have, '\n');
  }
  void cell_break() {
    pending_space_ = false;
    if (!out_.empty() && out_.back() != '\n') out_ += " ; ";
  }

 private:
  std::string& out_;
  bool pending_space_ = false;
};

// Depth first, with an explicit stack: a hostile page nests 100,000 elements,
// which a recursive walk would take as deep into the call stack.
void walk(const xmlNode* first, TextWriter& w, bool pre) {
  struct Siblings {
    const xmlNode* next;  // the next node of this level to visit
    bool pre;             // inside `pre` or `textarea`
    bool block;           // the parent is a block: a paragraph break after its children
  };
  std::vector<Siblings> stack{{first, pre, false}};
  while (!stack.empty()) {
    const xmlNode* n = stack.back().next;
    if (n == nullptr) {
      const bool block = stack.back().block;
      stack.pop_back();
      if (block) w.br(true);
      continue;
    }
    stack.back().next = n->next;
    const bool in_pre = stack.back().pre;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) w.text(reinterpret_cast<const char*>(n->content), in_pre);
      continue;
    }
    if (n->type != XML_ELEMENT_NODE) continue;  // comments, processing instructions
    if (named(n, {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"})) {
      if (named(n, {"head"})) {
        // The title is the headline; the rest of head is no text.
        for (const xmlNode* c = n->children; c; c = c->next)
          if (c->type == XML_ELEMENT_NODE && named(c, {"title"})) {
            walk(c->children, w, false);
            w.br(true);
          }
      }
      continue;
    }
    if (named(n, {"br"})) {
      w.br(false);
      continue;
    }
    const bool block = named(n, {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
                                 "blockquote", "pre", "section", "article", "header", "footer", "nav", "aside",
                                 "main", "figure", "figcaption", "dl", "dt", "dd", "hr", "caption", "address",
                                 "details", "summary", "form", "fieldset", "title", "body", "html", "thead",
                                 "tbody", "tfoot"});
    const bool cell = named(n, {"td", "th"});
    if (block) w.br(true);
    if (cell) w.cell_break();
    stack.push_back({n->children, in_pre || named(n, {"pre", "textarea"}), block});
  }
}

}  // namespace

Result<ArticleText> html_article(std::string_view bytes) {
  ArticleText a;
  a.info.format = ArticleFormat::html;
  const std::string valid = valid_utf8(bytes, a.info.invalid_bytes_replaced);
  if (valid.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    return tl::unexpected(make_error(Errc::io, fmt::format("an HTML document of {} bytes is beyond libxml2's 2 GiB", valid.size())));
  // XML_PARSE_HUGE lifts libxml2's limits (256 levels of nesting, 10 MB of text
  // in one node), past which it stops reading without a word in recover mode: a
  // page nested deeper lost all its text after that point. A fatal error is
  // still possible (out of memory): then the document is refused, never cut.
  std::unique_ptr<htmlParserCtxt, void (*)(htmlParserCtxtPtr)> ctxt(htmlNewParserCtxt(), htmlFreeParserCtxt);
  if (!ctxt) return tl::unexpected(make_error(Errc::io, "libxml2 could not start a parser"));
  htmlDocPtr doc = htmlCtxtReadMemory(ctxt.get(), valid.data(), static_cast<int>(valid.size()), nullptr, "UTF-8",
                                      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                          HTML_PARSE_NONET | XML_PARSE_HUGE);
  if (ctxt->lastError.level == XML_ERR_FATAL) {
    if (doc) xmlFreeDoc(doc);
    std::string why = ctxt->lastError.message ? ctxt->lastError.message : "a fatal error";
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    return tl::unexpected(make_error(Errc::io, fmt::format("libxml2 stopped reading the HTML at line {}: {}",
                                                           ctxt->lastError.line, why)));
  }
  if (!doc) {
    if (valid.find_first_not_of(" \t\r\n") == std::string::npos) return a;  // an empty document has no text
    return tl::unexpected(make_error(Errc::io, "libxml2 could not read the HTML"));
  }
  TextWriter w(a.text);
  walk(xmlDocGetRootElement(doc), w, false);
  xmlFreeDoc(doc);
  while (!a.text.empty() && (a.text.back() == '\n' || a.text.back() == ' ')) a.text.pop_back();
  a.text += '\n';
  return a;
}

}  // namespace finmetrics::cli
