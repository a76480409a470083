#!/bin/sh
# SPDX-License-Identifier: MIT
# Trains the TIP experiment's model from scratch and checks it against the
# checksum recorded in examples/tiplm/README.md (make tiplm-checkpoint).
#
# usage: examples/tiplm/train.sh OUTDIR
# environment: TIPLM (the program) [./examples/tiplm/tiplm], TIPLM_TEXT (the
#   corpus) [OUTDIR/bible.txt, made with Debian's bible-kjv], TIPLM_STEPS [1000],
#   TIPLM_SEED [1], TIPLM_SIZE [base]
set -eu
out=${1:-tiplm-out}
tiplm=${TIPLM:-./examples/tiplm/tiplm}
steps=${TIPLM_STEPS:-1000}
seed=${TIPLM_SEED:-1}
size=${TIPLM_SIZE:-base}
mkdir -p "$out"
text=${TIPLM_TEXT:-$out/bible.txt}
if [ ! -s "$text" ]; then
    if ! command -v bible >/dev/null 2>&1; then
        echo "train.sh: the corpus needs Debian's bible-kjv (apt-get install bible-kjv)" >&2
        exit 77
    fi
    bible -f "Genesis 1:1-Revelation 22:21" >"$text"
fi
echo "corpus: $text $(wc -c <"$text") bytes sha256 $(sha256sum "$text" | cut -d' ' -f1)"
ckpt=$out/tiplm-$size-s$seed-$steps.ckpt
"$tiplm" train --text "$text" --size "$size" --steps "$steps" --seed "$seed" --batch 16 \
    --lr 3e-3 --eval-every 250 --out "$ckpt"
sum=$(sha256sum "$ckpt" | cut -d' ' -f1)
echo "sha256 $sum $ckpt"
here=$(dirname "$0")
want=$(sed -n 's/^checkpoint sha256: \([0-9a-f]*\).*/\1/p' "$here/README.md" 2>/dev/null || true)
if [ "$size $seed $steps" = "base 1 1000" ] && [ -n "$want" ]; then
    if [ "$sum" = "$want" ]; then
        echo "the checkpoint is bit-identical to the recorded one"
    else
        echo "the checkpoint differs from the recorded one ($want): another kernel," \
            "compiler or CPU rounds differently (examples/tiplm/README.md)"
    fi
fi
