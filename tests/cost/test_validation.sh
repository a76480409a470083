#!/bin/sh
# SPDX-License-Identifier: MIT
# The validation programs run on the shipped data and print their summaries; the
# decode validation's leave-one-model-out error stays below the plain roofline's.
. "$top_srcdir/tests/harness/taplib.sh"

d=$top_builddir/bench
data=$top_srcdir/data/h100_hf_eager_decode.json
"$d/validate_decode" "$data" >"$tap_tmp/decode" 2>&1
ok "validate_decode runs on data/h100_hf_eager_decode.json" test $? -eq 0
ok "it reports the leave-one-model-out errors" grep -q '^eager-cv ' "$tap_tmp/decode"
cv=$(awk '$1 == "eager-cv" { sub("%", "", $3); print $3 }' "$tap_tmp/decode")
roof=$(awk '$1 == "roofline" { sub("%", "", $3); print $3 }' "$tap_tmp/decode")
ok "median decode error: eager-cv ($cv %) below the plain roofline ($roof %) and 15 %" \
    awk -v a="$cv" -v b="$roof" 'BEGIN { exit !(a != "" && a + 0 < b + 0 && a + 0 < 15) }'
"$d/validate_decode" "$tap_tmp/missing.json" >/dev/null 2>&1
ok "a missing file exits 2" test $? -eq 2
"$d/validate_training" >"$tap_tmp/train" 2>&1
ok "validate_training runs" test $? -eq 0
ok "it reproduces Patterson's Table 4" grep -q 'GPT-3 (V100)' "$tap_tmp/train"
done_testing
