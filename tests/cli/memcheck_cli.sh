#!/bin/sh
# SPDX-License-Identifier: MIT
# The thermoai command under valgrind memcheck (run by `make check-valgrind`).
. "$top_srcdir/tests/harness/taplib.sh"
[ -n "${VALGRIND:-}" ] || skip_all "VALGRIND not set (run through make check-valgrind)"
cli=$top_builddir/cli/thermoai
vg() { $LIBTOOL --mode=execute $VALGRIND "$cli" "$@" >/dev/null; }
# --quick: paper 002's SSA re-runs at N <= 256 (full sizes take minutes under memcheck)
for fmt in text csv json markdown; do
    ok "reproduce --quick --format $fmt is memcheck-clean" vg reproduce --quick --format "$fmt"
done
ok "reproduce --records (wrapping, shared notes) is memcheck-clean" vg reproduce --records --paper 000,001,cross
ok "reproduce with every filter is memcheck-clean" \
    vg reproduce --brief --paper 000,cross --verdict match,mismatch --id E000,T000 --id XDOC
ok "landauer is memcheck-clean" vg landauer --bits 1 --temperature-k 300 --json
for c in temperature transport ou w2 schedule davis-kahan bernstein jl ssa cheeger graph sparsifier \
    rademacher heat curvature mode-energy softmax; do
    ok "bounds $c --csv is memcheck-clean" vg bounds $c --csv
done
ok "bounds w2 with full covariances is memcheck-clean" vg bounds w2 --mean1 0,0 --cov1 '2,1;1,2' --mean2 1,0 --cov2 '1,0;0,1'
ok "bounds graph with the sparsifier is memcheck-clean" vg bounds graph --samples 100 --json
ok "allocate is memcheck-clean" vg allocate --energy-j 5.88e11 --inference-tokens 1e12 --csv
ok "precision with sensitivities is memcheck-clean" vg precision --sensitivities 1,4,16,0.25 --json
ok "presets fits is memcheck-clean" vg presets fits --csv
ok "tip over a components file is memcheck-clean" vg tip --components "$top_srcdir/tests/cli/tip_components.csv" --csv
ok "tip energy is memcheck-clean" vg tip energy --model llama-2-7b --hardware h100-sxm --kind neuron --count 64 --json
bad_file() { vg tip --components /nonexistent.csv; test $? -eq 1; }
ok "tip with a missing file is memcheck-clean" bad_file
printf "0.5 0.25 0.25\n" >"$tap_tmp/p.txt"
printf "0 1 1\n1 0 1\n1 1 0\n" >"$tap_tmp/d.txt"
ok "rd with Blahut-Arimoto is memcheck-clean" vg rd --pmf "$tap_tmp/p.txt" --distortion-matrix "$tap_tmp/d.txt" --distortion 0.2 --json
bad_rd() { vg rd --pmf "$tap_tmp/d.txt" --distortion-matrix "$tap_tmp/d.txt" --distortion 0.2; test $? -eq 1; }
ok "rd with a rejected pmf is memcheck-clean" bad_rd
bad_list() { vg precision --sensitivities 1,x; test $? -eq 2; }
ok "a bad sensitivity list is memcheck-clean" bad_list
usage() { vg landauer --bits x --temperature-k 1; test $? -eq 2; }
ok "a usage error is memcheck-clean" usage
done_testing
