#include <catch2/catch.hpp>

#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/unit/unit.hpp"

using namespace finmetrics;

TEST_CASE("Unit::to_string names what a number measures", "[unit]") {
  CHECK(Unit::money(CNY).to_string() == "CNY");
  CHECK(Unit::money(HKD, Per::share).to_string() == "HKD per share");
  CHECK(Unit::money(USD, Per::ads).to_string() == "USD per ADS");
  CHECK(Unit::of(Dimension::percent).to_string() == "%");
  CHECK(Unit::of(Dimension::percentage_points).to_string() == "pp");
  CHECK(Unit::of(Dimension::basis_points).to_string() == "bp");
  CHECK(Unit::of(Dimension::multiple).to_string() == "x");
  CHECK(Unit::count_of("shares").to_string() == "shares");
  CHECK(Unit::of(Dimension::count).to_string() == "");
  CHECK(Unit::of(Dimension::number).to_string() == "");
}

TEST_CASE("Units compare by dimension, currency, per and noun", "[unit]") {
  CHECK(Unit::money(USD) == Unit::money(USD, Per::whole));
  CHECK(Unit::money(USD) != Unit::money(HKD));
  CHECK(Unit::money(USD) != Unit::money(USD, Per::share));
  CHECK(Unit::count_of("shares") != Unit::count_of("users"));
}

TEST_CASE("Dimensions and per-units have stable names", "[unit]") {
  CHECK(to_string(Dimension::number) == "number");
  CHECK(to_string(Dimension::money) == "money");
  CHECK(to_string(Dimension::percent) == "percent");
  CHECK(to_string(Dimension::percentage_points) == "percentage_points");
  CHECK(to_string(Dimension::basis_points) == "basis_points");
  CHECK(to_string(Dimension::multiple) == "multiple");
  CHECK(to_string(Dimension::count) == "count");
  CHECK(to_string(Per::whole) == "whole");
  CHECK(to_string(Per::share) == "share");
  CHECK(to_string(Per::ads) == "ads");
}
