// Reads figures as an article quotes them and states each in US dollars on a date,
// exactly, with the interval the quote allows and the fixings used.
//
//   quote_in_dollars FX_FILE DATE FIGURE...
//   quote_in_dollars data/fx/ecb-selected.csv 2025-03-17 'Rmb81bn' 'nearly $11bn' 'Rmb34bn'
#include <cstdio>
#include <string>

#include <finmetrics/finmetrics.hpp>

int main(int argc, char** argv) {
  using namespace finmetrics;
  if (argc < 4) {
    std::fprintf(stderr, "usage: quote_in_dollars FX_FILE DATE FIGURE...\n");
    return 2;
  }
  const auto fx = load_fx_file(argv[1]);
  const auto day = parse_date(argv[2]);
  if (!fx || !day) {
    std::fprintf(stderr, "%s\n", (!fx ? fx.error() : day.error()).describe().c_str());
    return 2;
  }
  Money<USD> total = Money<USD>::of(Decimal());  // typed: only dollars can be added here
  for (int i = 3; i < argc; ++i) {
    const auto figure = parse_figure(argv[i]);
    if (!figure) {
      std::printf("%-16s error: %s\n", argv[i], figure.error().describe().c_str());
      continue;
    }
    std::printf("%-16s %s %s, quoted to 10^%d, allows %s\n", argv[i], figure->unit.to_string().c_str(),
                figure->value.to_string().c_str(), figure->value.exponent(), figure->interval().to_string().c_str());
    if (!figure->unit.is_money() || figure->unit.per != Per::whole) continue;
    const auto rate = fx->as_of(date::sys_days{*day}, *figure->unit.currency, USD);
    if (!rate) {
      std::printf("%16s no rate: %s\n", "", rate.error().message.c_str());
      continue;
    }
    const Money<USD> usd = Money<USD>::of(rate->convert(figure->value, -2));  // to the cent, rounded once
    total += usd;
    std::printf("%16s = USD %s at %s\n", "", usd.amount().to_string().c_str(), rate->to_string().c_str());
  }
  std::printf("total of the money figures: USD %s\n", total.amount().to_string().c_str());
  return 0;
}
