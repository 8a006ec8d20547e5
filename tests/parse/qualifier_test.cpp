#include "finmetrics/parse/qualifier.hpp"

#include <catch2/catch.hpp>

using namespace finmetrics;

TEST_CASE("qualifiers group into hedges by what they say about the true value", "[qualifier]") {
  CHECK(hedge_of(Qualifier::none) == Hedge::exact);
  for (const Qualifier q : {Qualifier::about, Qualifier::around, Qualifier::roughly, Qualifier::approximately,
                            Qualifier::some, Qualifier::circa, Qualifier::close_to}) {
    CHECK(hedge_of(q) == Hedge::approximate);
  }
  for (const Qualifier q : {Qualifier::nearly, Qualifier::almost, Qualifier::just_under}) {
    CHECK(hedge_of(q) == Hedge::just_below);
  }
  CHECK(hedge_of(Qualifier::just_over) == Hedge::just_above);
  for (const Qualifier q : {Qualifier::more_than, Qualifier::over, Qualifier::north_of, Qualifier::above,
                            Qualifier::in_excess_of, Qualifier::upwards_of}) {
    CHECK(hedge_of(q) == Hedge::above);
  }
  CHECK(hedge_of(Qualifier::at_least) == Hedge::at_least);
  CHECK(hedge_of(Qualifier::no_less_than) == Hedge::at_least);
  for (const Qualifier q : {Qualifier::less_than, Qualifier::fewer_than, Qualifier::under, Qualifier::below}) {
    CHECK(hedge_of(q) == Hedge::below);
  }
  for (const Qualifier q : {Qualifier::up_to, Qualifier::at_most, Qualifier::no_more_than}) {
    CHECK(hedge_of(q) == Hedge::at_most);
  }
}

TEST_CASE("qualifiers print as their canonical words", "[qualifier]") {
  CHECK(to_string(Qualifier::none) == "");
  CHECK(to_string(Qualifier::more_than) == "more than");
  CHECK(to_string(Qualifier::no_more_than) == "no more than");
  CHECK(to_string(Qualifier::north_of) == "north of");
  CHECK(to_string(Hedge::just_below) == "just_below");
}

TEST_CASE("the default hedge tolerances are five per cent", "[qualifier]") {
  const HedgeTolerances t;
  CHECK(t.approximate == Decimal::from_parts(5, -2));
  CHECK(t.just_below == Decimal::from_parts(5, -2));
  CHECK(t.just_above == Decimal::from_parts(5, -2));
}
