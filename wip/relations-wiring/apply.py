# Applies models' wiring to check's split files (run from the worktree root).
import re, sys
def edit(p, old, new, count=1):
    s = open(p).read()
    if old not in s:
        print("NOT FOUND in", p, ":", old[:60]); sys.exit(1)
    s = s.replace(old, new, count)
    open(p, 'w').write(s)

kinds = ["sum_of","difference_of","product_of","at_most","at_least","magnitude_of","daily_of","compound_of","cagr_of"]
# finding.hpp
edit('include/finmetrics/check/finding.hpp', '''  to,           ///< a price move that ends at a quoted price
''', '''  to,           ///< a price move that ends at a quoted price
  sum_of,         ///< a sum of other claims
  difference_of,  ///< a difference of other claims
  product_of,     ///< a product of other claims
  at_most,        ///< at most another claim (or a product of claims)
  at_least,       ///< at least another claim (or a product of claims)
  magnitude_of,   ///< of the order of magnitude of another claim
  daily_of,       ///< a daily figure of the order of another over its days
  compound_of,    ///< a growth rate compounding others
  cagr_of,        ///< an average annual growth rate between two amounts
''')
# checker.cpp to_string + fx_rate metric
edit('src/check/checker.cpp', '''    case FindingKind::to: return "to";
''', '''    case FindingKind::to: return "to";
''' + ''.join(f'    case FindingKind::{k}: return "{k}";\n' for k in kinds))
