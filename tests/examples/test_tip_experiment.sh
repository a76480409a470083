#!/bin/sh
# SPDX-License-Identifier: MIT
# examples/tiplm/tip_experiment --toy: the whole TIP experiment on a random tiny
# model and a synthetic text (a smoke test, about a second): it runs, writes its
# table and TSV, and its invariants hold.
. "$top_srcdir/tests/harness/taplib.sh"
t=$top_builddir/examples/tiplm/tip_experiment
ok "--help: status 0" sh -c "'$t' --help >/dev/null 2>&1"
ok "unknown option: status 2" sh -c "'$t' --bogus 2>/dev/null; test \$? -eq 2"
ok "no checkpoint: an error" sh -c "! '$t' 2>/dev/null"
ok "--toy runs and writes the table and the TSV" sh -c \
    "'$t' --toy --md '$tap_tmp/r.md' --tsv '$tap_tmp/r.tsv' >'$tap_tmp/out' &&
     grep -q '^| Dense ' '$tap_tmp/r.md' && grep -q 'Spearman rho' '$tap_tmp/out' &&
     test \$(grep -c '^TIP' '$tap_tmp/r.tsv') -eq 6 && test \$(grep -c '^Magnitude' '$tap_tmp/r.tsv') -eq 3"
ok "dense storage of unstructured zeros saves exactly 0 energy" sh -c \
    "awk -F'\t' '\$1==\"Magnitude\"||\$1==\"Wanda\" { if (\$9 != \"0.000000\" || NF != 11) bad=1 } END { exit bad }' '$tap_tmp/r.tsv'"
ok "unstructured rows remove their target fraction (50%, 60%, 2:4 = 50%)" sh -c \
    "awk -F'\t' '(\$1==\"Magnitude\"||\$1==\"Wanda\") { d=\$5-\$4; if (d<-0.03||d>0.03) bad=1 } END { exit bad }' '$tap_tmp/r.tsv'"
ok "TIP sparsity rows remove at least their target" sh -c \
    "awk -F'\t' '\$1==\"TIP\" && \$2 ~ /sparsity/ { if (\$5 < \$4) bad=1 } END { exit bad }' '$tap_tmp/r.tsv'"
done_testing
