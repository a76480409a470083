#!/bin/sh
# SPDX-License-Identifier: MIT
# examples/tiplm/tiplm: help, a few training steps of the tiny model on a
# generated text, the checkpoint, evaluation with masks, Taylor scores, errors.
. "$top_srcdir/tests/harness/taplib.sh"
t=$top_builddir/examples/tiplm/tiplm
text=$tap_tmp/text.txt
# 90 KB of words, so that the split has validation blocks (every 20th of 4096 bytes)
awk 'BEGIN { srand(3); split("in the beginning god created heaven and earth", w, " ");
             for (i = 0; i < 16000; i++) printf "%s%s", w[1 + int(rand() * 8)], (i % 12 == 11) ? "\n" : " " }' >"$text"

ok "--help names the commands" sh -c "'$t' --help | grep -q 'taylor' && '$t' train --help | grep -q -- '--steps'"
ok "no command: usage on stderr, status 2" sh -c "'$t' 2>/dev/null; test \$? -eq 2"
ok "unknown option: status 2" sh -c "'$t' train --bogus 2>/dev/null; test \$? -eq 2"
ok "train: 3 steps of the tiny model write a checkpoint and a validation bpb" sh -c \
    "'$t' train --text '$text' --size tiny --steps 3 --batch 4 --seed 2 --quiet --out '$tap_tmp/m.ckpt' --windows 20 >'$tap_tmp/train' &&
     test -s '$tap_tmp/m.ckpt' && grep -q '^validation: windows 20 .* bpb ' '$tap_tmp/train'"
ok "train twice with one seed: the same checkpoint" sh -c \
    "'$t' train --text '$text' --size tiny --steps 3 --batch 4 --seed 2 --quiet --out '$tap_tmp/m2.ckpt' --windows 20 >/dev/null &&
     cmp '$tap_tmp/m.ckpt' '$tap_tmp/m2.ckpt'"
ok "eval of the checkpoint reproduces train's validation line" sh -c \
    "'$t' eval --text '$text' --ckpt '$tap_tmp/m.ckpt' --windows 20 >'$tap_tmp/eval' &&
     a=\$(grep '^validation' '$tap_tmp/train' | sed 's/ (.*//') && b=\$(grep '^validation' '$tap_tmp/eval' | sed 's/ (.*//') && test \"\$a\" = \"\$b\""
ok "info: mask lengths 52 (4 heads, 48 neurons) and 4352 weights" sh -c \
    "'$t' info --ckpt '$tap_tmp/m.ckpt' | grep -q 'structured 52 (heads 4, neurons 48), weights 4352'"
ok "eval with a structured mask that prunes a head" sh -c \
    "printf '0111' >'$tap_tmp/mask' && awk 'BEGIN { for (i = 0; i < 48; i++) printf \"1\" }' >>'$tap_tmp/mask' &&
     '$t' eval --text '$text' --ckpt '$tap_tmp/m.ckpt' --windows 20 --mask '$tap_tmp/mask' | grep -q 'kept 51 of 52'"
ok "a mask of the wrong length is refused" sh -c \
    "printf '0111' >'$tap_tmp/short' && ! '$t' eval --text '$text' --ckpt '$tap_tmp/m.ckpt' --mask '$tap_tmp/short' 2>/dev/null"
ok "taylor writes 52 structured rows" sh -c \
    "'$t' taylor --text '$text' --ckpt '$tap_tmp/m.ckpt' --windows 8 --out '$tap_tmp/t.csv' >/dev/null &&
     test \$(grep -c ',head,\\|,neuron,' '$tap_tmp/t.csv') -eq 52 && head -1 '$tap_tmp/t.csv' | grep -q '^index,kind,layer,unit,gw,score,gw2_per_window$'"
ok "a missing checkpoint is an error" sh -c "! '$t' eval --text '$text' --ckpt '$tap_tmp/none' 2>/dev/null"
done_testing
