// Converts one quoted figure at a rate given in memory: prints "11148664669.51".
#include <cstdio>

#include <finmetrics/finmetrics.hpp>

int main() {
  using namespace finmetrics;
  const auto fx = parse_fx_csv("date,base,quote,rate\n2025-03-28,EUR,USD,1.0797\n2025-03-28,EUR,CNY,7.8445\n");
  const auto figure = parse_figure("Rmb81bn");
  if (!fx || !figure) return 1;
  const auto rate = fx->as_of(date::sys_days{date::year{2025} / 3 / 28}, CNY, USD);
  if (!rate) return 1;
  std::printf("%s\n", rate->convert(figure->value, -2).to_string().c_str());
  return 0;
}
