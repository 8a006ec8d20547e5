#pragma once
// GCC's and Clang's 128-bit integers, named once; __extension__ keeps -Wpedantic quiet.

namespace finmetrics::detail {
__extension__ typedef unsigned __int128 u128;
}  // namespace finmetrics::detail
