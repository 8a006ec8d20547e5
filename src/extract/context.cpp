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
// How far from an amount a loss word may stand to make it a loss ("a net loss of").
constexpr std::size_t loss_reach = 80;

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
// How far a cue at [b, e) counts from the figure: cues after it a little farther, and
// those past the end of its clause (`clause_end`: "..., while revenue rose") far more.
std::size_t weighed(const TextSpan& figure, std::size_t b, std::size_t e, std::size_t clause_end) {
  std::size_t d = distance(figure, b, e);
  if (b >= figure.end) d = d * 3 / 2 + 10;
  if (b >= clause_end) d = d * 3 + 200;
  return d;
}

template <class Keep>
const CueHit* nearest(std::span<const CueHit> hits, const TextSpan& figure, Keep&& keep, std::size_t clause_end = npos) {
  const CueHit* best = nullptr;
  std::size_t best_d = npos;
  for (const CueHit& c : hits) {
    if (!keep(c)) continue;
    const std::size_t d = weighed(figure, c.begin, c.end, clause_end);
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

// Where the figure's clause ends after it: the first `, ` or `;` (not a digit group's
// comma), or `hi`.
std::size_t clause_end_after(std::string_view s, const TextSpan& figure, std::size_t hi) {
  // ", or $1.52 per share,": the same figure restated, up to its closing comma (the figure may be that restatement)
  bool apposition = figure.begin >= 5 && s.substr(figure.begin - 5, 5) == ", or ";
  for (std::size_t p = figure.end; p < hi; ++p) {
    if (s[p] == ';') return p;
    if (s[p] != ',' || p + 1 >= s.size() || (s[p + 1] != ' ' && s[p + 1] != '\n')) continue;
    if (s.substr(p, 5) == ", or ") {
      apposition = true;
    } else if (apposition) {
      apposition = false;
    } else {
      return p;
    }
  }
  return hi;
}

// Whether a word of the sentence projects (`projection` cues: "will", "could", "target").
bool projects(std::string_view s, const TextSpan& sentence, const Lexicon& lexicon) {
  for (std::size_t p = sentence.begin; p < sentence.end;) {
    const std::size_t e = letters_end(s, p);
    if (e == p) {
      ++p;
      continue;
    }
    if ((p == 0 || !is_letter(s[p - 1])) && lexicon.cue(s.substr(p, e - p), "projection") != nullptr) return true;
    p = e;
  }
  return false;
}

// Only letters and spaces between (" in the "): nothing that starts another figure or clause.
bool only_words_between(std::string_view s, std::size_t b, std::size_t e) {
  for (std::size_t p = b; p < e; ++p)
    if (!is_letter(s[p]) && s[p] != ' ') return false;
  return true;
}

// Where the figure's clause begins before it: just after the last `, ` or `;` (not a
// digit group's comma) since `lo`.
std::size_t clause_begin_before(std::string_view s, const TextSpan& figure, std::size_t lo) {
  for (std::size_t p = figure.begin; p > lo; --p) {
    const char c = s[p - 1];
    if (c == ';' || (c == ',' && p < s.size() && (s[p] == ' ' || s[p] == '\n'))) return p;
  }
  return lo;
}

// The loss form of a metric (`operating_income` -> `operating_loss`, `net_income` ->
// `net_loss`; another metric X -> `X_loss`).
std::string loss_form(std::string_view metric) {
  constexpr std::string_view income = "_income";
  if (metric.size() > income.size() && metric.substr(metric.size() - income.size()) == income)
    return std::string(metric.substr(0, metric.size() - income.size())) + "_loss";
  return std::string(metric) + "_loss";
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

// A metric whose figures take the period their paragraph is about when their sentence
// names none: flows and their rates, not a price or a market value (on the day).
bool carries_period(std::string_view metric) {
  return metric != "share_price" && metric != "price_change" && metric != "market_cap" &&
         metric != "market_cap_change";
}

bool reporting_period(const Period& p) {
  return p.kind() == PeriodKind::quarter || p.kind() == PeriodKind::half || p.kind() == PeriodKind::fiscal_quarter ||
         p.kind() == PeriodKind::fiscal_half || p.kind() == PeriodKind::fiscal_year;
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
  PeriodTrail trail(s, sentences, periods, hits.time_word, hits.period);
  // The metrics a `loss` cue names: those an amount can be the loss of.
  std::vector<std::string> can_be_loss;
  for (const Cue& c : lexicon.cues())
    if (c.category == "loss" && !c.value.empty() &&
        std::find(can_be_loss.begin(), can_be_loss.end(), c.value) == can_be_loss.end())
      can_be_loss.push_back(c.value);

  for (std::size_t i = 0; i < out.figures.size(); ++i) {
    ExtractedFigure& f = out.figures[i];
    FigureContext& ctx = f.context;
    const std::size_t sentence_index = sentences.index_of(f.span.begin);
    const TextSpan sent = f.sentence;
    // Named variables, not a structured binding: lambdas below use them, which clang
    // before 16 refuses for bindings (the ASan and fuzz builds use clang 14).
    const auto around = window_of(f.span, sent);
    const std::size_t lo = around.first, hi = around.second;

    // Where the figure's clause ends: cues past it ("..., and fintech revenue rose 10%") count far less.
    const std::size_t clause_end = clause_end_after(s, f.span, hi);

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
      // A segment named past the figure's clause is another figure's ("..., as AI lifted its advertising").
      const auto in_clause = [&](const CueHit& h) { return mine(h) && h.begin < clause_end; };
      if (const CueHit* c = nearest(hits_in(hits.segment, lo, hi), f.span, in_clause)) {
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
    const CueHit* direction = nearest(hits_in(hits.direction, lo, hi), f.span);
    if (direction != nullptr && distance(f.span, direction->begin, direction->end) > 80) direction = nullptr;
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
      const CueHit* c = nearest(
          metric_hits, f.span,
          [&](const CueHit& h) {
            return metric_class(h) == MetricClass::amount ||
                   (unscaled && metric_class(h) == MetricClass::price && h.end <= f.span.begin);
          },
          clause_end);
      // A loss word beside the amount ("a loss of 3.75 trillion won", "an operating loss of
      // $210 million") makes it a loss, nearer than the metric named before it.
      const CueHit* loss = nearest(hits_in(hits.loss, lo, hi), f.span, [&](const CueHit& h) {
        return distance(f.span, h.begin, h.end) <= loss_reach;
      }, clause_end);
      if (loss != nullptr && f.kind == FigureKind::money &&
          (c == nullptr || weighed(f.span, loss->begin, loss->end, clause_end) <= weighed(f.span, c->begin, c->end, clause_end))) {
        // The loss of the metric its words name, else of the metric named before it in the
        // sentence when that one can be a loss (another `loss` cue names it), else net income.
        std::string of = index.value(loss->row);
        if (of.empty()) {
          const CueHit* before = nullptr;
          for (const CueHit& h : hits_in(hits.metric, sent.begin, loss->begin))
            if (metric_class(h) == MetricClass::amount && h.end <= loss->begin) before = &h;
          of = before != nullptr && std::find(can_be_loss.begin(), can_be_loss.end(), index.value(before->row)) != can_be_loss.end() ? index.value(before->row)
                                                                                          : std::string("net_income");
        }
        ctx.metric = guess(loss_form(of), *loss, s, f.span, 0.8, 0.5);
        ctx.loss_of = std::move(of);
      } else if (c != nullptr && metric_class(*c) == MetricClass::price) {
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
        } else if (!hits_in(hits.growth, lo, hi).empty() || direction != nullptr) {
          // A percentage that moves with a growth or direction word ("profit slides 21%").
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

    // Period: the nearest period phrase in the sentence. One written without its year
    // (`the third quarter`, `a year earlier`) takes it from the document's evidence; a
    // figure of a flow with none takes the period its paragraph (or headline) is about.
    const std::optional<FiscalCalendar> calendar =
        issuer >= 0 ? options.issuers[static_cast<std::size_t>(issuer)].calendar : std::nullopt;
    const bool moves = f.kind == FigureKind::percent || f.kind == FigureKind::multiple ||
                       ctx.metric.value == "price_change" || ctx.metric.value == "market_cap_change";
    const std::vector<PeriodCue>& period_cues = periods.of(sentence_index, sent, moves, calendar);
    {
      const auto first = std::lower_bound(period_cues.begin(), period_cues.end(), lo,
                                          [](const PeriodCue& c, std::size_t v) { return c.begin < v; });
      const auto nearest_cue = [&](auto&& keep) {
        const PeriodCue* best = nullptr;
        std::size_t best_d = npos;
        for (auto it = first; it != period_cues.end() && it->begin < hi; ++it) {
          if (!keep(*it)) continue;
          const bool right_after = it->relative == RelativePeriod::year_earlier && it->begin >= f.span.end &&
                                   it->begin - f.span.end <= 8 && only_words_between(s, f.span.end, it->begin);
          const std::size_t d = right_after ? 0 : weighed(f.span, it->begin, it->end, npos);
          if (d < best_d) {
            best = &*it;
            best_d = d;
          }
        }
        return best;
      };
      // A year earlier is the base of a rate of change, never its period, and the period of
      // no figure outside its clause ("a loss of $210 million, after a profit of $640 million
      // a year earlier"); right after a figure it is that figure's ("from 3.7 billion a year earlier").
      const bool rate = f.kind == FigureKind::multiple || ends_with(ctx.metric.value, "_growth") ||
                        ctx.metric.value == "price_change" || ctx.metric.value == "market_cap_change" ||
                        (!ctx.metric.known() && f.kind == FigureKind::percent);
      // Nor is it the period of a figure with another figure between them ("rose to 3.05% from 2.91% a year earlier").
      // The next figure, past one that restates this one (", or $1.29 per share,").
      std::size_t next = i + 1;
      while (next < out.figures.size() && out.figures[next].span.begin >= 5 &&
             s.substr(out.figures[next].span.begin - 5, 5) == ", or ")
        ++next;
      const std::size_t next_figure = next < out.figures.size() ? out.figures[next].span.begin : npos;
      const std::size_t clause_begin = clause_begin_before(s, f.span, lo);
      // And a period past the figure's clause with another figure between is that figure's
      // ("$1.4 billion, up from $1.1 billion in the second quarter").
      const PeriodCue* best = nearest_cue([&](const PeriodCue& c) {
        if (c.begin >= clause_end && c.begin >= next_figure && periods.after_comparison(sent, c.begin)) return false;
        return c.relative != RelativePeriod::year_earlier ||
               (!rate && c.begin < clause_end && c.begin >= clause_begin && (c.begin < f.span.end || c.begin < next_figure));
      });
      const auto words = [&](const PeriodCue& c) { return std::string(s.substr(c.begin, c.end - c.begin)); };
      if (best != nullptr && best->relative == RelativePeriod::none) {
        ctx.period = ContextGuess{best->value,
                                  std::min(best->confidence, by_distance(distance(f.span, best->begin, best->end), 1.0, 0.4)),
                                  words(*best)};
      } else if (best != nullptr) {
        PeriodEvidence evidence = trail.before(sentence_index, calendar);
        // Another period of the sentence, resolved first when written without its year too
        // ("third-quarter net profit of S$3.03 billion, up 15% from a year ago").
        const PeriodCue* other = nearest_cue([&](const PeriodCue& c) {
          return &c != best && c.relative != RelativePeriod::year_earlier &&
                 (c.period.has_value() || c.relative != RelativePeriod::none);
        });
        PeriodCue resolved_other;
        if (other != nullptr && !other->period) {
          if (const auto y = periods.resolve(*other, evidence, calendar); y && y->period) {
            resolved_other = *other;
            resolved_other.period = y->period;
            resolved_other.relative = RelativePeriod::none;
            other = &resolved_other;
          } else {
            other = nullptr;
          }
        }
        evidence.in_sentence = other;
        if (const auto x = periods.resolve(*best, evidence, calendar)) {
          ctx.period = ContextGuess{x->value,
                                    std::min(x->confidence, by_distance(distance(f.span, best->begin, best->end), 1.0, 0.4)),
                                    fmt::format("{} [{}]", words(*best), x->from)};
        }
      } else if (ctx.metric.known() && carries_period(ctx.metric.value) && !trail.names_time(sent)) {
        // A sentence that names no time of its own goes on about its paragraph's reporting
        // period (a quarter, a half, a fiscal year; not a year named in passing), else the headline's.
        const PeriodEvidence evidence = trail.before(sentence_index, calendar);
        if (evidence.paragraph != nullptr && reporting_period(evidence.paragraph->period)) {
          ctx.period = ContextGuess{evidence.paragraph->period.to_string(), 0.3,
                                    fmt::format("[paragraph: '{}']", evidence.paragraph->words)};
        } else if (evidence.paragraph == nullptr && evidence.headline != nullptr &&
                   reporting_period(evidence.headline->period)) {
          ctx.period = ContextGuess{evidence.headline->period.to_string(), 0.25,
                                    fmt::format("[headline: '{}']", evidence.headline->words)};
        } else if (evidence.paragraph == nullptr && evidence.earlier != nullptr &&
                   reporting_period(evidence.earlier->period)) {
          ctx.period = ContextGuess{evidence.earlier->period.to_string(), 0.2,
                                    fmt::format("[earlier paragraph: '{}']", evidence.earlier->words)};
        }
      } else if ((ctx.metric.value == "share_price" || ctx.metric.value == "price_change") && out.article_date &&
                 !trail.names_time(sent) && !projects(s, sent, lexicon)) {
        // A price or a move with no time written is the article's day's (unless projected: "will rise by 1%").
        ctx.period = ContextGuess{to_string(*out.article_date), 0.3, "[article date]"};
      }
    }

    // Direction: the nearest up or down word within 80 bytes.
    if (direction != nullptr) ctx.direction = guess(index.value(direction->row), *direction, s, f.span, 0.7, 0.4);
  }
}

}  // namespace finmetrics::extract_detail
