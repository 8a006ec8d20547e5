#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "finmetrics/extract/detail/context.hpp"
#include "finmetrics/extract/detail/article_cues.hpp"
#include "finmetrics/extract/detail/cue_index.hpp"
#include "finmetrics/extract/detail/mentions.hpp"
#include "finmetrics/extract/detail/periods.hpp"
#include "finmetrics/extract/detail/sentences.hpp"
#include "finmetrics/extract/detail/text.hpp"
#include "finmetrics/lexicon/lexicon.hpp"

// Context is read from cues and distances inside the sentence: a heuristic, so
// each reading carries a confidence and the words it came from, and nothing is
// filled in when no cue is found. The words are data (the lexicon's cues, the
// issuer names passed in); names the text gives itself are runs of capitalised
// words. Every cue is found once (`CueIndex::scan`); a figure then looks only at
// the cues within `window` bytes of it, found by binary search, so the reader is
// linear in the text however many figures and mentions it holds.

namespace finmetrics::extract_detail {

namespace {

constexpr std::size_t npos = std::string_view::npos;
// How far from a figure (in bytes, inside its sentence) a cue may stand.
constexpr std::size_t window = 320;

std::size_t distance(const TextSpan& figure, std::size_t b, std::size_t e) {
  if (e <= figure.begin) return figure.begin - e;
  if (b >= figure.end) return b - figure.end;
  return 0;
}

double by_distance(std::size_t d, double near, double far) { return d <= 60 ? near : d <= 160 ? (near + far) / 2 : far; }

// The hits of `hits` (in text order) that lie in [lo, hi).
std::span<const CueHit> hits_in(const std::vector<CueHit>& hits, std::size_t lo, std::size_t hi) {
  const auto first = std::lower_bound(hits.begin(), hits.end(), lo,
                                      [](const CueHit& h, std::size_t v) { return h.begin < v; });
  auto last = first;
  while (last != hits.end() && last->begin < hi) ++last;
  return {first, last};
}

// The window of the sentence around a figure.
std::pair<std::size_t, std::size_t> window_of(const TextSpan& figure, const TextSpan& sentence) {
  const std::size_t lo = std::max(sentence.begin, figure.begin > window ? figure.begin - window : 0);
  const std::size_t hi = std::min(sentence.end, figure.end + window);
  return {lo, hi};
}

// The hit nearest to the figure among those `keep` accepts; cues after it count a little farther.
template <class Keep>
const CueHit* nearest(std::span<const CueHit> hits, const TextSpan& figure, Keep&& keep) {
  const CueHit* best = nullptr;
  std::size_t best_d = npos;
  for (const CueHit& c : hits) {
    if (!keep(c)) continue;
    std::size_t d = distance(figure, c.begin, c.end);
    if (c.begin >= figure.end) d = d * 3 / 2 + 10;
    if (d < best_d) {
      best = &c;
      best_d = d;
    }
  }
  return best;
}
const CueHit* nearest(std::span<const CueHit> hits, const TextSpan& figure) {
  return nearest(hits, figure, [](const CueHit&) { return true; });
}

ContextGuess guess(std::string value, const CueHit& c, std::string_view s, const TextSpan& figure, double near,
                   double far) {
  return ContextGuess{std::move(value), by_distance(distance(figure, c.begin, c.end), near, far),
                      std::string(s.substr(c.begin, c.end - c.begin))};
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// What kind of figure a metric cue can name: margins are percentages, prices are
// per-share amounts (or, as percentages, price changes), multiples are
// multiples; every other metric is an amount (or, with a growth word, its growth).
enum class MetricClass { amount, margin, price, multiple };
MetricClass class_of(std::string_view metric) {
  if (ends_with(metric, "margin")) return MetricClass::margin;
  if (metric == "price") return MetricClass::price;
  if (ends_with(metric, "multiple")) return MetricClass::multiple;
  return MetricClass::amount;
}

}  // namespace

void read_context(std::string_view s, const SentenceIndex& sentences, ArticleCues& cues,
                  const ExtractOptions& options, Extraction& out) {
  const Lexicon& lexicon = options.parse.lexicon ? *options.parse.lexicon : Lexicon::builtin();
  const CueIndex& index = cues.index();
  // The entities are company mentions only: names followed by a descriptor ("Alibaba
  // affiliate Ant Group", "Alibaba's fintech arm") describe another company, and
  // "Alibaba's Wu" belongs to Alibaba.
  const CueIndex::Hits& hits = cues.hits();
  const auto entity_name = [&](const CueHit& h) { return cues.name_of(h); };

  PeriodCache periods(s, out.article_date, index, hits.period, lexicon);

  for (std::size_t i = 0; i < out.figures.size(); ++i) {
    ExtractedFigure& f = out.figures[i];
    FigureContext& ctx = f.context;
    const std::size_t sentence_index = sentences.index_of(f.span.begin);
    const TextSpan sent = f.sentence;
    const auto [lo, hi] = window_of(f.span, sent);

    // Entity: the nearest mention in the sentence, else the last one before it.
    int issuer = -1;
    if (const MentionPick pick = mention_for(hits.entity, f.span, sent, window); pick.hit) {
      const CueHit& c = *pick.hit;
      if (pick.in_sentence) {
        ctx.entity = guess(entity_name(c), c, s, f.span, 0.9, 0.6);
        if (c.begin >= f.span.end) ctx.entity.confidence -= 0.2;
      } else {
        ctx.entity = ContextGuess{entity_name(c), 0.4, std::string(s.substr(c.begin, c.end - c.begin))};
      }
      issuer = cues.issuer_of(c);
    }

    // Segment (an issuer passed in with its segments): a cue in the sentence, else a
    // segment's proper name in the sentence before.
    if (issuer >= 0) {
      const auto mine = [&](const CueHit& h) { return cues.issuer_of(h) == issuer; };
      const auto segment_name = [&](const CueHit& h) {
        const std::string& v = index.value(h.row);
        return v.substr(v.find(':') + 1);
      };
      const bool whole = !hits_in(hits.whole_company, sent.begin, sent.end).empty();
      if (const CueHit* c = nearest(hits_in(hits.segment, lo, hi), f.span, mine)) {
        ctx.segment = guess(segment_name(*c), *c, s, f.span, 0.8, 0.5);
      } else if (!whole && sentence_index > 0) {
        const TextSpan prev = sentences.span(sentence_index - 1);
        const auto named = [&](const CueHit& h) { return mine(h) && is_upper(s[h.begin]); };
        const CueHit* last = nullptr;
        for (const CueHit& h : hits_in(hits.segment, std::max(prev.begin, prev.end > window ? prev.end - window : 0),
                                       prev.end))
          if (named(h)) last = &h;
        if (last) ctx.segment = ContextGuess{segment_name(*last), 0.4, std::string(s.substr(last->begin, last->end - last->begin))};
      }
      if (whole && ctx.segment.known() && ctx.segment.confidence < 0.8) ctx.segment = {};
    }

    // Metric, by kind.
    const auto metric_hits = hits_in(hits.metric, lo, hi);
    const auto metric_class = [&](const CueHit& h) { return class_of(index.value(h.row)); };
    if (f.linked && *f.linked < i) {
      ctx.metric = ContextGuess{"fx_conversion", 0.9, "bracketed second currency"};
    } else if (f.kind == FigureKind::per_share) {
      // A price unless the nearest metric of the clause has a per-share metric of its own
      // (`per_share_metric` cues: a dividend of 361 won a share, earnings of $2.10 per
      // ADS): a dividend per share checked against the share's prices is no price.
      const CueHit* c = nearest(metric_hits, f.span, [&](const CueHit& h) {
        return lexicon.cue(index.value(h.row), "per_share_metric") != nullptr || metric_class(h) == MetricClass::price;
      });
      const Cue* per_share = c != nullptr ? lexicon.cue(index.value(c->row), "per_share_metric") : nullptr;
      if (per_share != nullptr) {
        ctx.metric = guess(per_share->value, *c, s, f.span, 0.8, 0.5);
      } else {
        ctx.metric = ContextGuess{"share_price", 0.8, f.text};
      }
    } else if (f.kind == FigureKind::money || (f.kind == FigureKind::number && f.word_form)) {
      // An amount without a scale right after a price word ("shares closed at
      // HK$420.20, giving a market value of about HK$3.9 trillion") is the price, not
      // the market value the clause goes on to name; right after a direction word
      // ("shares rose 45 cents to $43.10") it is the move, no price.
      const std::size_t word_end = skip_hspace_back(s, f.span.begin);
      const std::size_t word_begin = letters_begin(s, word_end);
      const bool after_direction =
          word_begin < word_end && lexicon.cue(s.substr(word_begin, word_end - word_begin), "direction") != nullptr;
      const bool unscaled =
          f.kind == FigureKind::money && f.quoted && f.quoted->scale.exponent == 0 && !after_direction;
      if (const CueHit* c = nearest(metric_hits, f.span,
                                    [&](const CueHit& h) {
                                      return metric_class(h) == MetricClass::amount ||
                                             (unscaled && metric_class(h) == MetricClass::price && h.end <= f.span.begin);
                                    });
          c != nullptr && metric_class(*c) == MetricClass::price) {
        ctx.metric = guess("share_price", *c, s, f.span, 0.8, 0.5);
      } else if (c != nullptr) {
        ctx.metric = guess(index.value(c->row), *c, s, f.span, 0.8, 0.5);
        if (ctx.metric.value == "market_cap" && !hits_in(hits.change, lo, hi).empty())
          ctx.metric.value = "market_cap_change";
      }
    } else if (f.kind == FigureKind::percent) {
      if (const CueHit* c = nearest(metric_hits, f.span,
                                    [&](const CueHit& h) { return metric_class(h) != MetricClass::multiple; })) {
        const std::string& m = index.value(c->row);
        ContextGuess g = guess(m, *c, s, f.span, 0.7, 0.4);
        if (metric_class(*c) == MetricClass::margin) {
          g.value = m;
        } else if (metric_class(*c) == MetricClass::price || m == "market_cap") {
          g.value = "price_change";
        } else if (!hits_in(hits.growth, lo, hi).empty()) {
          g.value = m == "adjusted_ebita" ? std::string("ebita_growth") : m + "_growth";
        } else {
          g = {};
        }
        ctx.metric = g;
      }
    } else if (f.kind == FigureKind::multiple) {
      if (const CueHit* c = nearest(metric_hits, f.span,
                                    [&](const CueHit& h) { return metric_class(h) == MetricClass::multiple; }))
        ctx.metric = guess(index.value(c->row), *c, s, f.span, 0.8, 0.5);
    }

    // Period: the nearest period phrase in the sentence.
    const std::optional<FiscalCalendar> calendar =
        issuer >= 0 ? options.issuers[static_cast<std::size_t>(issuer)].calendar : std::nullopt;
    const bool moves = f.kind == FigureKind::percent || f.kind == FigureKind::multiple ||
                       ctx.metric.value == "price_change" || ctx.metric.value == "market_cap_change";
    const std::vector<PeriodCue>& period_cues = periods.of(sentence_index, sent, moves, calendar);
    {
      const PeriodCue* best = nullptr;
      std::size_t best_d = npos;
      const auto first = std::lower_bound(period_cues.begin(), period_cues.end(), lo,
                                          [](const PeriodCue& c, std::size_t v) { return c.begin < v; });
      for (auto it = first; it != period_cues.end() && it->begin < hi; ++it) {
        std::size_t d = distance(f.span, it->begin, it->end);
        if (it->begin >= f.span.end) d = d * 3 / 2 + 10;
        if (d < best_d) {
          best = &*it;
          best_d = d;
        }
      }
      if (best) {
        ctx.period = ContextGuess{best->value,
                                  std::min(best->confidence, by_distance(distance(f.span, best->begin, best->end), 1.0, 0.4)),
                                  std::string(s.substr(best->begin, best->end - best->begin))};
      }
    }

    // Direction: the nearest up or down word within 80 bytes.
    if (const CueHit* c = nearest(hits_in(hits.direction, lo, hi), f.span)) {
      if (distance(f.span, c->begin, c->end) <= 80) ctx.direction = guess(index.value(c->row), *c, s, f.span, 0.7, 0.4);
    }
  }
}

}  // namespace finmetrics::extract_detail
