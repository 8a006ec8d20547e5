data/fx/ecb-selected.csv 2025-03-17 'Rmb81bn' 'nearly $11bn' 'Rmb34bn' 'up 13%' 'HK$140.9 per share' '¥5bn'
