#include "finmetrics/extract/detail/mentions.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "finmetrics/extract/detail/text.hpp"

namespace finmetrics::extract_detail {

namespace {

// `Third-quarter`, `Full-year`, `Year-on-year`: a capital only because the word
// starts a sentence; a name capitalises each part (`Mercedes-Benz`, `Coca-Cola`).
bool lower_compound(std::string_view s, const CueHit& m) {
  if (m.kind != CueKind::name) return false;
  const std::string_view text = s.substr(m.begin, m.end - m.begin);
  if (const std::size_t space = text.rfind(' '); space != std::string_view::npos) {
    // `Hong Kong-listed`, `New York-based`: an adjective made of a place (`Value-added Services` is a name)
    const std::size_t dash = text.find('-', space);
    return dash != std::string_view::npos && dash + 1 < text.size() && is_lower(text[dash + 1]);
  }
  const std::string_view w = s.substr(m.begin, letters_end(s, m.begin) - m.begin);
  const std::size_t e = m.begin + w.size();
  return e + 1 < m.end && s[e] == '-' && is_lower(s[e + 1]);
}

std::size_t distance(const TextSpan& figure, std::size_t b, std::size_t e) {
  if (e <= figure.begin) return figure.begin - e;
  if (b >= figure.end) return b - figure.end;
  return 0;
}

// The words of one cue category, for a cheap test before the lexicon's look-up: their
// lengths and first letters (any case). Built once per text from the lexicon's cues.
class WordFilter {
 public:
  WordFilter(const Lexicon& lexicon, std::string_view category) {
    for (const Cue& c : lexicon.cues()) {
      if (c.category != category || c.phrase.empty()) continue;
      const char f = to_lower(c.phrase.front());
      // A cue this filter cannot describe (white space matches any run of it, of any
      // width; bytes past ASCII): every word goes to the lexicon.
      const bool plain = std::all_of(c.phrase.begin(), c.phrase.end(), [](char b) {
        return static_cast<unsigned char>(b) < 0x80 && b != ' ' && b != '\t';
      });
      if (!is_letter(f) || !plain) {
        every_ = true;
        continue;
      }
      letters_ |= 1u << (f - 'a');
      if (c.phrase.size() < 64) lengths_ |= std::uint64_t{1} << c.phrase.size();
      else every_ = true;
    }
  }
  /// Whether `w` may be one of the words (false: it is none).
  [[nodiscard]] bool may_be(std::string_view w) const noexcept {
    if (every_) return true;
    if (w.empty() || w.size() >= 64 || !(lengths_ >> w.size() & 1u)) return false;
    const char f = to_lower(w.front());
    return is_letter(f) && (letters_ >> (f - 'a') & 1u);
  }

 private:
  std::uint32_t letters_ = 0;
  std::uint64_t lengths_ = 0;
  bool every_ = false;
};

// An analyst and the firm they work at ("Analysts at Acme Securities", "analyst at
// Globex", "Acme analyst Jane Doe", "Acme Securities analysts"): `analyst`
// cues of the lexicon beside a name. They say what a figure is, not whose it is: the
// company a target price or an estimate is about is named elsewhere.
bool analyst_or_firm(std::string_view s, const Lexicon& lexicon, const WordFilter& analysts, const CueHit& m) {
  if (m.kind != CueKind::name) return false;
  const auto analyst = [&](std::size_t b, std::size_t e) {
    return b < e && analysts.may_be(s.substr(b, e - b)) && lexicon.cue(s.substr(b, e - b), "analyst") != nullptr;
  };
  if (const std::size_t a = skip_hspace(s, m.end); a > m.end && analyst(a, letters_end(s, a))) return true;
  std::size_t we = skip_hspace_back(s, m.begin);
  if (we == m.begin) return false;
  std::size_t wb = letters_begin(s, we);
  if (analyst(wb, we)) return true;
  const std::string_view w = s.substr(wb, we - wb);
  if (!(w == "at" || w == "from" || w == "with")) return false;
  we = skip_hspace_back(s, wb);
  if (we == wb) return false;
  wb = letters_begin(s, we);
  return analyst(wb, we);
}

// A word of a figure, capitalised: a scale, minor unit or unit of a good after the number
// ("Rs 1,234.56 Cr", "$2.61/MMBtu", "45 Sen") or a marker ending in a full stop before it
// ("Rs. 500"). It names no company.
bool part_of_figure(std::string_view s, const Lexicon& lexicon, const CueHit& m) {
  const std::string_view w = s.substr(m.begin, m.end - m.begin);
  if (w.find(' ') != std::string_view::npos) return false;
  std::size_t before = skip_hspace_back(s, m.begin);
  if (before > 0 && before == m.begin && s[before - 1] == '/') {
    --before;
  } else if (const std::size_t wb = letters_begin(s, before);
             wb < before && lexicon.cue(s.substr(wb, before - wb), "per_leader") != nullptr) {
    before = skip_hspace_back(s, wb);  // "$2.61 per MMBtu"
  }
  if (before > 0 && is_digit(s[before - 1]) &&
      (lexicon.scale(w) || lexicon.currency_marker_after_number(w) != nullptr || lexicon.cue(w, "per_unit") != nullptr)) {
    return true;
  }
  if (m.end < s.size() && s[m.end] == '.') {
    const std::size_t d = skip_hspace(s, m.end + 1);
    return d < s.size() && is_digit(s[d]) && lexicon.currency_marker(s.substr(m.begin, m.end + 1 - m.begin)) != nullptr;
  }
  return false;
}

// A name that is, whole, a place or a text's own term for its issuer (`not_entity_alone`
// cues: `Canada`, `Hong Kong`, `Company`, `Group`; the places of `currency_place` and
// `yen_place` cues too): no company. In a longer name it is part of it (`Canada Goose`).
bool no_company_alone(const Lexicon& lexicon, const WordFilter& alone, std::string_view text) {
  return (alone.may_be(text) && lexicon.cue(text, "not_entity_alone") != nullptr) ||
         lexicon.cue(text, "currency_place") != nullptr || lexicon.cue(text, "yen_place") != nullptr;
}

}  // namespace

void keep_company_mentions(std::string_view s, const Lexicon& lexicon, std::vector<CueHit>& entity,
                           std::span<const CueHit> entity_descriptor) {
  // Filtered in place: the mentions kept are entity[0, kept) (kept <= the one read), so
  // the hits of a long text are not held twice.
  std::size_t kept = 0;
  const WordFilter analysts(lexicon, "analyst");
  const WordFilter modifiers(lexicon, "metric_modifier");
  const WordFilter alone(lexicon, "not_entity_alone");
  // A text names the same few companies again and again: each name's place-or-term
  // answer (three cue look-ups) is asked once.
  std::unordered_map<std::string_view, bool> alone_of_name;
  std::size_t d = 0;
  for (std::size_t r = 0; r < entity.size(); ++r) {
    const CueHit m = entity[r];
    if (lower_compound(s, m)) continue;
    if (m.kind == CueKind::name && m.end - m.begin == 1) continue;  // `R&D`, `M&A`: a letter is no company
    // "Consolidated net profit", "Basic earnings per share": a metric's modifier written
    // with a capital because it starts the sentence.
    const std::string_view text = s.substr(m.begin, m.end - m.begin);
    if (m.kind == CueKind::name && text.find(' ') == std::string_view::npos && modifiers.may_be(text) &&
        lexicon.cue(text, "metric_modifier") != nullptr) {
      continue;
    }
    if (analyst_or_firm(s, lexicon, analysts, m)) continue;
    if (m.kind == CueKind::name && part_of_figure(s, lexicon, m)) continue;
    if (m.kind == CueKind::name) {
      const auto [at, fresh] = alone_of_name.try_emplace(text, false);
      // "U.S." is read as the name "U.S" and its full stop.
      if (fresh)
        at->second = no_company_alone(lexicon, alone, text) ||
                     (m.end < s.size() && s[m.end] == '.' && no_company_alone(lexicon, alone, s.substr(m.begin, m.end + 1 - m.begin)));
      if (at->second) continue;
    }
    std::size_t p = m.end;
    if (s.substr(p, 2) == "'s") p += 2;
    else if (s.substr(p, 4) == "\xE2\x80\x99s") p += 4;
    // The descriptor is one of the next two words.
    std::size_t limit = p;
    for (int words = 0; words < 2; ++words) limit = letters_end(s, skip_hspace(s, limit));
    while (d < entity_descriptor.size() && entity_descriptor[d].begin < p) ++d;
    const bool described = d < entity_descriptor.size() && entity_descriptor[d].end <= limit;
    // "Alibaba's Wu": a name that belongs to the name before it is not a company of its own.
    const std::size_t q = skip_hspace_back(s, m.begin);
    const bool possessed = m.kind == CueKind::name && q < m.begin && kept != 0 &&
                           ((q >= 2 && s.substr(q - 2, 2) == "'s" && entity[kept - 1].end == q - 2) ||
                            (q >= 4 && s.substr(q - 4, 4) == "\xE2\x80\x99s" && entity[kept - 1].end == q - 4));
    // A dateline ("TOKYO, November 8, 2024 -", "Rio de Janeiro, November 7"): a place
    // before a month, with the names before it on its line.
    if (m.kind == CueKind::name && m.end < s.size() && s[m.end] == ',') {
      const std::size_t w = skip_hspace(s, m.end + 1);
      if (w < s.size() && is_upper(s[w]) && lexicon.cue(s.substr(w, letters_end(s, w) - w), "month") != nullptr) {
        const std::size_t line = s.rfind('\n', m.begin) == std::string_view::npos ? 0 : s.rfind('\n', m.begin) + 1;
        while (kept != 0 && entity[kept - 1].begin >= line && entity[kept - 1].kind == CueKind::name) --kept;
        continue;
      }
    }
    if (!described && !possessed) entity[kept++] = m;
  }
  entity.resize(kept);
}

MentionPick mention_for(std::span<const CueHit> mentions, TextSpan figure, TextSpan sentence, std::size_t window) {
  const std::size_t lo = std::max(sentence.begin, figure.begin > window ? figure.begin - window : 0);
  const std::size_t hi = std::min(sentence.end, figure.end + window);
  const auto first = std::lower_bound(mentions.begin(), mentions.end(), lo,
                                      [](const CueHit& h, std::size_t v) { return h.begin < v; });
  const CueHit* best = nullptr;
  std::size_t best_d = std::string_view::npos;
  for (auto it = first; it != mentions.end() && it->begin < hi; ++it) {
    std::size_t dist = distance(figure, it->begin, it->end);
    if (it->begin >= figure.end) dist = dist * 3 / 2 + 10;  // cues after the figure count a little farther
    if (dist < best_d) {
      best = &*it;
      best_d = dist;
    }
  }
  if (best) return {best, true};
  const auto before = std::lower_bound(mentions.begin(), mentions.end(), sentence.begin,
                                       [](const CueHit& h, std::size_t v) { return h.begin < v; });
  if (before != mentions.begin()) {
    const CueHit& last = *std::prev(before);
    if (last.end <= sentence.begin && sentence.begin - last.end < 600) return {&last, false};
  }
  return {};
}

}  // namespace finmetrics::extract_detail
