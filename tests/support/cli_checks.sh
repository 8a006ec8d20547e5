# Sourced by the CLI tests (tests/cli/*_test.sh): a scratch directory removed on
# exit, and the assertions, which count failures in $failures (checks in $checks).
#   check DESCRIPTION EXPECTED ACTUAL   exact equality
#   has DESCRIPTION NEEDLE FILE         FILE contains NEEDLE (fixed string)
#   verdict ID                          the verdict column of claim ID in $tmp/report.txt
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0
checks=0
check() {
  checks=$((checks + 1))
  if [ "$2" == "$3" ]; then echo "ok: $1"; else echo "FAILED: $1"; echo "  expected: $2"; echo "  actual:   $3"; failures=$((failures + 1)); fi
}
has() {
  checks=$((checks + 1))
  if grep -qF -- "$2" "$3"; then echo "ok: $1"; else echo "FAILED: $1"; echo "  missing: $2"; failures=$((failures + 1)); fi
}
verdict() {
  awk -v id="$1" '$1 == id { v = substr($0, 8, 28); sub(/ +$/, "", v); print v; exit }' "$tmp/report.txt"
}
