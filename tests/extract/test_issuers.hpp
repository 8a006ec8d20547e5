#pragma once
// The issuer names the context tests pass in, as an issuer profile would give them
// (the extractor compiles no company names in).

#include "finmetrics/extract/extract_figures.hpp"

namespace finmetrics::test {

inline IssuerNames alibaba_names() {
  IssuerNames a;
  a.name = "Alibaba";
  a.aliases = {"Alibaba Group", "Alibaba Group Holding", "BABA", "阿里巴巴"};
  a.segments = {{"Cloud Intelligence Group", {"Alibaba Cloud", "AliCloud", "Aliyun", "Cloud Intelligence", "cloud", "阿里云"}},
                {"Taobao and Tmall Group", {"Taotian", "Taotian Group", "Taobao and Tmall", "customer management revenue"}},
                {"Alibaba International Digital Commerce Group",
                 {"AIDC", "International Digital Commerce", "international e-commerce", "overseas e-commerce"}}};
  a.calendar = FiscalCalendar{date::March};
  return a;
}

inline ExtractOptions with_alibaba(std::optional<Date> date = std::nullopt) {
  ExtractOptions o;
  o.article_date = date;
  o.issuers.push_back(alibaba_names());
  return o;
}

}  // namespace finmetrics::test
