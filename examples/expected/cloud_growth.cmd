data/alibaba/financials.csv --fx ../shared/data/fx/ecb-eurofxref-hist.csv
