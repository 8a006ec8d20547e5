#pragma once
/// \file
/// Every active ISO 4217 currency as a constant: `finmetrics::USD`, `finmetrics::CNY`,
/// also reachable as `finmetrics::iso4217::USD`. The data is in
/// `currency/detail/iso4217_table.hpp` (source and amendment noted there).

#include <array>
#include <cstddef>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/currency/detail/currency_of.hpp"
#include "finmetrics/currency/detail/iso4217_table.hpp"

namespace finmetrics {

inline namespace iso4217 {

// clang-format off
inline constexpr Currency AED = Currency::of("AED");
inline constexpr Currency AFN = Currency::of("AFN");
inline constexpr Currency ALL = Currency::of("ALL");
inline constexpr Currency AMD = Currency::of("AMD");
inline constexpr Currency AOA = Currency::of("AOA");
inline constexpr Currency ARS = Currency::of("ARS");
inline constexpr Currency AUD = Currency::of("AUD");
inline constexpr Currency AWG = Currency::of("AWG");
inline constexpr Currency AZN = Currency::of("AZN");
inline constexpr Currency BAM = Currency::of("BAM");
inline constexpr Currency BBD = Currency::of("BBD");
inline constexpr Currency BDT = Currency::of("BDT");
inline constexpr Currency BGN = Currency::of("BGN");
inline constexpr Currency BHD = Currency::of("BHD");
inline constexpr Currency BIF = Currency::of("BIF");
inline constexpr Currency BMD = Currency::of("BMD");
inline constexpr Currency BND = Currency::of("BND");
inline constexpr Currency BOB = Currency::of("BOB");
inline constexpr Currency BOV = Currency::of("BOV");
inline constexpr Currency BRL = Currency::of("BRL");
inline constexpr Currency BSD = Currency::of("BSD");
inline constexpr Currency BTN = Currency::of("BTN");
inline constexpr Currency BWP = Currency::of("BWP");
inline constexpr Currency BYN = Currency::of("BYN");
inline constexpr Currency BZD = Currency::of("BZD");
inline constexpr Currency CAD = Currency::of("CAD");
inline constexpr Currency CDF = Currency::of("CDF");
inline constexpr Currency CHE = Currency::of("CHE");
inline constexpr Currency CHF = Currency::of("CHF");
inline constexpr Currency CHW = Currency::of("CHW");
inline constexpr Currency CLF = Currency::of("CLF");
inline constexpr Currency CLP = Currency::of("CLP");
inline constexpr Currency CNY = Currency::of("CNY");
inline constexpr Currency COP = Currency::of("COP");
inline constexpr Currency COU = Currency::of("COU");
inline constexpr Currency CRC = Currency::of("CRC");
inline constexpr Currency CUC = Currency::of("CUC");
inline constexpr Currency CUP = Currency::of("CUP");
inline constexpr Currency CVE = Currency::of("CVE");
inline constexpr Currency CZK = Currency::of("CZK");
inline constexpr Currency DJF = Currency::of("DJF");
inline constexpr Currency DKK = Currency::of("DKK");
inline constexpr Currency DOP = Currency::of("DOP");
inline constexpr Currency DZD = Currency::of("DZD");
inline constexpr Currency EGP = Currency::of("EGP");
inline constexpr Currency ERN = Currency::of("ERN");
inline constexpr Currency ETB = Currency::of("ETB");
inline constexpr Currency EUR = Currency::of("EUR");
inline constexpr Currency FJD = Currency::of("FJD");
inline constexpr Currency FKP = Currency::of("FKP");
inline constexpr Currency GBP = Currency::of("GBP");
inline constexpr Currency GEL = Currency::of("GEL");
inline constexpr Currency GHS = Currency::of("GHS");
inline constexpr Currency GIP = Currency::of("GIP");
inline constexpr Currency GMD = Currency::of("GMD");
inline constexpr Currency GNF = Currency::of("GNF");
inline constexpr Currency GTQ = Currency::of("GTQ");
inline constexpr Currency GYD = Currency::of("GYD");
inline constexpr Currency HKD = Currency::of("HKD");
inline constexpr Currency HNL = Currency::of("HNL");
inline constexpr Currency HTG = Currency::of("HTG");
inline constexpr Currency HUF = Currency::of("HUF");
inline constexpr Currency IDR = Currency::of("IDR");
inline constexpr Currency ILS = Currency::of("ILS");
inline constexpr Currency INR = Currency::of("INR");
inline constexpr Currency IQD = Currency::of("IQD");
inline constexpr Currency IRR = Currency::of("IRR");
inline constexpr Currency ISK = Currency::of("ISK");
inline constexpr Currency JMD = Currency::of("JMD");
inline constexpr Currency JOD = Currency::of("JOD");
inline constexpr Currency JPY = Currency::of("JPY");
inline constexpr Currency KES = Currency::of("KES");
inline constexpr Currency KGS = Currency::of("KGS");
inline constexpr Currency KHR = Currency::of("KHR");
inline constexpr Currency KMF = Currency::of("KMF");
inline constexpr Currency KPW = Currency::of("KPW");
inline constexpr Currency KRW = Currency::of("KRW");
inline constexpr Currency KWD = Currency::of("KWD");
inline constexpr Currency KYD = Currency::of("KYD");
inline constexpr Currency KZT = Currency::of("KZT");
inline constexpr Currency LAK = Currency::of("LAK");
inline constexpr Currency LBP = Currency::of("LBP");
inline constexpr Currency LKR = Currency::of("LKR");
inline constexpr Currency LRD = Currency::of("LRD");
inline constexpr Currency LSL = Currency::of("LSL");
inline constexpr Currency LYD = Currency::of("LYD");
inline constexpr Currency MAD = Currency::of("MAD");
inline constexpr Currency MDL = Currency::of("MDL");
inline constexpr Currency MGA = Currency::of("MGA");
inline constexpr Currency MKD = Currency::of("MKD");
inline constexpr Currency MMK = Currency::of("MMK");
inline constexpr Currency MNT = Currency::of("MNT");
inline constexpr Currency MOP = Currency::of("MOP");
inline constexpr Currency MRU = Currency::of("MRU");
inline constexpr Currency MUR = Currency::of("MUR");
inline constexpr Currency MVR = Currency::of("MVR");
inline constexpr Currency MWK = Currency::of("MWK");
inline constexpr Currency MXN = Currency::of("MXN");
inline constexpr Currency MXV = Currency::of("MXV");
inline constexpr Currency MYR = Currency::of("MYR");
inline constexpr Currency MZN = Currency::of("MZN");
inline constexpr Currency NAD = Currency::of("NAD");
inline constexpr Currency NGN = Currency::of("NGN");
inline constexpr Currency NIO = Currency::of("NIO");
inline constexpr Currency NOK = Currency::of("NOK");
inline constexpr Currency NPR = Currency::of("NPR");
inline constexpr Currency NZD = Currency::of("NZD");
inline constexpr Currency OMR = Currency::of("OMR");
inline constexpr Currency PAB = Currency::of("PAB");
inline constexpr Currency PEN = Currency::of("PEN");
inline constexpr Currency PGK = Currency::of("PGK");
inline constexpr Currency PHP = Currency::of("PHP");
inline constexpr Currency PKR = Currency::of("PKR");
inline constexpr Currency PLN = Currency::of("PLN");
inline constexpr Currency PYG = Currency::of("PYG");
inline constexpr Currency QAR = Currency::of("QAR");
inline constexpr Currency RON = Currency::of("RON");
inline constexpr Currency RSD = Currency::of("RSD");
inline constexpr Currency RUB = Currency::of("RUB");
inline constexpr Currency RWF = Currency::of("RWF");
inline constexpr Currency SAR = Currency::of("SAR");
inline constexpr Currency SBD = Currency::of("SBD");
inline constexpr Currency SCR = Currency::of("SCR");
inline constexpr Currency SDG = Currency::of("SDG");
inline constexpr Currency SEK = Currency::of("SEK");
inline constexpr Currency SGD = Currency::of("SGD");
inline constexpr Currency SHP = Currency::of("SHP");
inline constexpr Currency SLE = Currency::of("SLE");
inline constexpr Currency SOS = Currency::of("SOS");
inline constexpr Currency SRD = Currency::of("SRD");
inline constexpr Currency SSP = Currency::of("SSP");
inline constexpr Currency STN = Currency::of("STN");
inline constexpr Currency SVC = Currency::of("SVC");
inline constexpr Currency SYP = Currency::of("SYP");
inline constexpr Currency SZL = Currency::of("SZL");
inline constexpr Currency THB = Currency::of("THB");
inline constexpr Currency TJS = Currency::of("TJS");
inline constexpr Currency TMT = Currency::of("TMT");
inline constexpr Currency TND = Currency::of("TND");
inline constexpr Currency TOP = Currency::of("TOP");
inline constexpr Currency TRY = Currency::of("TRY");
inline constexpr Currency TTD = Currency::of("TTD");
inline constexpr Currency TWD = Currency::of("TWD");
inline constexpr Currency TZS = Currency::of("TZS");
inline constexpr Currency UAH = Currency::of("UAH");
inline constexpr Currency UGX = Currency::of("UGX");
inline constexpr Currency USD = Currency::of("USD");
inline constexpr Currency USN = Currency::of("USN");
inline constexpr Currency UYI = Currency::of("UYI");
inline constexpr Currency UYU = Currency::of("UYU");
inline constexpr Currency UYW = Currency::of("UYW");
inline constexpr Currency UZS = Currency::of("UZS");
inline constexpr Currency VED = Currency::of("VED");
inline constexpr Currency VES = Currency::of("VES");
inline constexpr Currency VND = Currency::of("VND");
inline constexpr Currency VUV = Currency::of("VUV");
inline constexpr Currency WST = Currency::of("WST");
inline constexpr Currency XAF = Currency::of("XAF");
inline constexpr Currency XAG = Currency::of("XAG");
inline constexpr Currency XAU = Currency::of("XAU");
inline constexpr Currency XBA = Currency::of("XBA");
inline constexpr Currency XBB = Currency::of("XBB");
inline constexpr Currency XBC = Currency::of("XBC");
inline constexpr Currency XBD = Currency::of("XBD");
inline constexpr Currency XCD = Currency::of("XCD");
inline constexpr Currency XCG = Currency::of("XCG");
inline constexpr Currency XDR = Currency::of("XDR");
inline constexpr Currency XOF = Currency::of("XOF");
inline constexpr Currency XPD = Currency::of("XPD");
inline constexpr Currency XPF = Currency::of("XPF");
inline constexpr Currency XPT = Currency::of("XPT");
inline constexpr Currency XSU = Currency::of("XSU");
inline constexpr Currency XTS = Currency::of("XTS");
inline constexpr Currency XUA = Currency::of("XUA");
inline constexpr Currency XXX = Currency::of("XXX");
inline constexpr Currency YER = Currency::of("YER");
inline constexpr Currency ZAR = Currency::of("ZAR");
inline constexpr Currency ZMW = Currency::of("ZMW");
inline constexpr Currency ZWG = Currency::of("ZWG");
// clang-format on

}  // namespace iso4217

namespace detail {
[[nodiscard]] consteval std::array<Currency, iso4217_table.size()> make_all_currencies() {
  std::array<Currency, iso4217_table.size()> out{};
  for (std::size_t i = 0; i < iso4217_table.size(); ++i) {
    const std::string_view c = iso4217_table[i].code;
    out[i] = Currency{{c[0], c[1], c[2]}};
  }
  return out;
}
}  // namespace detail

/// Every currency of ISO 4217 List One, sorted by code (179 as of the table's amendment).
inline constexpr std::array<Currency, detail::iso4217_table.size()> all_currencies =
    detail::make_all_currencies();

}  // namespace finmetrics
