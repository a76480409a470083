#!/bin/sh
# SPDX-License-Identifier: MIT
# The thermoai command: acceptance value, argument forms, usage errors, exit codes.
. "$top_srcdir/tests/harness/taplib.sh"
cli=$top_builddir/cli/thermoai

# expect_exit CODE STDOUT_PATTERN STDERR_PATTERN ARGS...
expect() {
    want=$1 out_pat=$2 err_pat=$3
    shift 3
    "$cli" "$@" >"$tap_tmp/o" 2>"$tap_tmp/e"
    got=$?
    if [ "$got" -ne "$want" ]; then
        echo "exit $got, want $want"; cat "$tap_tmp/o" "$tap_tmp/e"; return 1
    fi
    if [ -n "$out_pat" ] && ! grep -q -e "$out_pat" "$tap_tmp/o"; then
        echo "stdout lacks '$out_pat':"; cat "$tap_tmp/o"; return 1
    fi
    if [ -n "$err_pat" ] && ! grep -q -e "$err_pat" "$tap_tmp/e"; then
        echo "stderr lacks '$err_pat':"; cat "$tap_tmp/e"; return 1
    fi
    return 0
}

ok "landauer 1 bit at 300 K prints 2.870978885e-21 J" \
    expect 0 '^2\.870978885e-21 J$' '' landauer --bits 1 --temperature-k 300
ok "--opt=value form" expect 0 '^2\.870978885e-21 J$' '' landauer --bits=1 --temperature-k=300
ok "options in any order" expect 0 '^2\.870978885e-21 J$' '' landauer --temperature-k 300 --bits 1
ok "8 bits at 350 K" expect 0 '^2\.679580293e-20 J$' '' landauer --bits 8 --temperature-k 350
ok "--json prints one object" expect 0 '"energy_j": 2.87097888507872' '' \
    landauer --bits 1 --temperature-k 300 --json
ok "version" expect 0 "^thermoai [0-9][0-9.]* (ABI [0-9]*)$" '' version
ok "--version" expect 0 "^thermoai " '' --version
ok "help exits 0" expect 0 'usage: thermoai' '' help
ok "no command: usage on stderr, exit 2" expect 2 '' 'usage: thermoai'
ok "unknown command: exit 2" expect 2 '' "unknown command 'frobnicate'" frobnicate
ok "version with an argument: exit 2" expect 2 '' "unknown argument 'extra'" version extra
ok "landauer --bits 1 uses the default 300 K" expect 0 '^2\.870978885e-21 J$' '' landauer --bits 1
ok "landauer without options: 1 bit at 300 K" expect 0 '^2\.870978885e-21 J$' '' landauer
ok "option without value: exit 2" expect 2 '' "needs a value" landauer --bits 1 --temperature-k
ok "non-number: exit 2" expect 2 '' "not a number: 'abc'" landauer --bits abc --temperature-k 300
ok "trailing garbage: exit 2" expect 2 '' "not a number: '300K'" landauer --bits 1 --temperature-k 300K
ok "empty value: exit 2" expect 2 '' "not a number" landauer --bits= --temperature-k 300
ok "literal beyond double: exit 2" expect 2 '' "not a number" landauer --bits 1e999 --temperature-k 300
ok "unknown option: exit 2" expect 2 '' "unknown argument '--bytes'" landauer --bytes 1 --temperature-k 300
ok "negative bits: domain error naming the option, exit 1" expect 1 '' '--bits must be >= 0 (bits), got -1' landauer --bits -1 --temperature-k 300
ok "0 K: domain error naming the option, exit 1" expect 1 '' '--temperature-k must be > 0 (kelvin), got 0' landauer --bits 1 --temperature-k 0
ok "NaN: domain error, exit 1" expect 1 '' '--bits must be >= 0 (bits), got nan' landauer --bits nan --temperature-k 300
ok "overflow: library error, exit 1" expect 1 '' 'THERMOAI_E_RANGE' landauer --bits 1e300 --temperature-k 1e300
ok "reproduce: unknown format, exit 2" expect 2 '' "--format must be one of text, csv, json, markdown, not 'yaml'" reproduce --format yaml
ok "reproduce: unknown paper names the option and its domain, exit 2" expect 2 '' \
    "--paper must be a comma list of 000, 001, 002, 003, cross or all, not '004'" reproduce --paper 004
ok "reproduce: an empty paper in a list, exit 2" expect 2 '' "--paper must be .*, not ''" \
    reproduce --paper 000,,001
ok "reproduce: unknown verdict, exit 2" expect 2 '' \
    "--verdict must be a comma list of match, mismatch, not-derivable, rerun, not 'maybe'" \
    reproduce --verdict mismatch,maybe
ok "reproduce: an id prefix outside the catalog, exit 2" expect 2 '' \
    "--id must be a comma list of record id prefixes of the catalog (.*), not 'Z9'" reproduce --id E000,Z9
ok "reproduce: an empty id prefix, exit 2" expect 2 '' "--id must be .*, not ''" reproduce --id ''
ok "reproduce: a bad record number, exit 2" expect 2 '' "not 'E000-landauer300.x'" \
    reproduce --id E000-landauer300.x
ok "reproduce: --records and --brief, exit 2" expect 2 '' "--records and --brief exclude each other" \
    reproduce --records --brief
ok "reproduce: unknown argument, exit 2" expect 2 '' "unknown argument" reproduce --all
ok "reproduce text starts with the summary" expect 0 '^thermoai [0-9.]*: the source papers' '' reproduce
ok "reproduce text has the per-paper table" expect 0 '^document  *records  *match  *mismatch  *not-derivable  *rerun$' '' reproduce
ok "reproduce text says where the errata are" expect 0 'doc/errata.md' '' reproduce
ok "reproduce text points to the full records" expect 0 'thermoai reproduce --records' '' reproduce
at_most_40_lines() {
    "$cli" reproduce >"$tap_tmp/o" || return 1
    n=$(wc -l <"$tap_tmp/o")
    echo "$n lines"
    [ "$n" -le 40 ] && ! grep -q '^E000-landauer300\.01 ' "$tap_tmp/o"
}
ok "reproduce (default) prints at most 40 lines and no record" at_most_40_lines
ok "reproduce --paper 000 --records prints the records" expect 0 '^E000-landauer300\.01 ' '' \
    reproduce --paper 000 --records
ok "reproduce --brief: one line per record" expect 0 \
    '^E000-landauer300\.01  *mismatch  *2\.85e-21  *2\.870978885e-21  *J$' '' reproduce --brief --paper 000
ok "reproduce --id selects by prefix" expect 0 '^E000-landauer300\.01 ' '' reproduce --id E000-landauer
ok "reproduce --verdict: the heading names the selection" expect 0 \
    '^selected: [0-9]* of [0-9]* records (--verdict mismatch)$' '' reproduce --verdict mismatch
ok "reproduce markdown has the coverage table" expect 0 '^## Catalog coverage' '' \
    reproduce --format markdown
ok "presets models lists the presets" expect 0 '^llama-2-7b  *32  *4096  *32/32  *11008  *32000  *4096  *6738415616$' '' presets models
ok "presets models shows the experts of a MoE preset" expect 0 '^mixtral-8x7b .* 8 (2, 0, 14336), 12879925248 active parameters$' '' presets models
ok "presets hardware lists the measured H100" expect 0 '^h100-sxm-measured ' '' presets hardware
ok "presets serving lists cuda-graphs" expect 0 '^cuda-graphs ' '' presets serving
ok "presets grids lists world-2023" expect 0 '^world-2023  *480 gCO2e/kWh' '' presets grids
ok "energy decode prints J per generated token" expect 0 '^energy  *[0-9.e+-]* J per generated token' '' \
    energy decode --model llama-2-7b --hardware h100-sxm-measured --batch 8 --context 512
ok "energy decode names the binding roof" expect 0 'memory-bound$' '' \
    energy decode --model llama-2-7b --hardware h100-sxm-measured
ok "batch prints the optimal batch and the memory cap" expect 0 '^optimal batch  [0-9]* of at most 247 (SLO 50 ms)$' '' \
    batch --model llama-2-7b --hardware h100-sxm-measured --slo-ms 50 --arrival-per-s 300 --context 512
ok "batch prints Eq. (20) and Eq. (21) beside it" expect 0 '^Eq. (21) batch [0-9]*: meets the SLO, [+][0-9.]* % energy$' '' \
    batch --model llama-2-7b --hardware h100-sxm-measured --slo-ms 50 --arrival-per-s 300 --context 512
ok "batch under backlog: no wait" expect 0 '(wait 0 ms' '' \
    batch --model llama-2-7b --hardware h100-sxm-measured --slo-ms 20 --context 512
ok "batch with an SLO below the batch-1 step: exit 1" expect 1 '' 'no batch meets a 1 ms SLO' \
    batch --model llama-2-7b --hardware h100-sxm-measured --slo-ms 1
ok "batch with a model larger than memory: exit 1" expect 1 '' 'does not fit in memory' \
    batch --model llama-2-70b --hardware h100-sxm-measured --slo-ms 100
ok "batch without --slo-ms: exit 2" expect 2 '' 'missing --slo-ms' batch --model llama-2-7b --hardware h100-sxm
ok "batch with a negative arrival rate: exit 1" expect 1 '' 'arrival-per-s' \
    batch --model llama-2-7b --hardware h100-sxm --slo-ms 50 --arrival-per-s -1
ok "serve prints devices for the rate" expect 0 '^devices        [0-9]* for 578704 tokens/s$' '' \
    serve --model llama-2-7b --hardware h100-sxm-measured --batch 64 --context 512 --tokens-per-s 578704
ok "serve prints the annual cost" expect 0 '^annual cost    [$][0-9.e+]* at [$]0.05/kWh$' '' \
    serve --model llama-2-7b --hardware h100-sxm-measured --batch 64 --tokens-per-s 1000
ok "serve with PUE below 1: exit 1" expect 1 '' 'pue' \
    serve --model llama-2-7b --hardware h100-sxm --tokens-per-s 1000 --pue 0.5
ok "energy decode without --hardware: exit 2" expect 2 '' 'missing --hardware' energy decode --model llama-2-7b
ok "energy decode unknown hardware: exit 2" expect 2 '' "unknown hardware 'h900'" energy decode --model llama-2-7b --hardware h900
ok "energy decode unknown serving stack: exit 2" expect 2 '' "unknown serving stack 'vllm'" \
    energy decode --model llama-2-7b --hardware h100-sxm --serving vllm
ok "energy decode on a TPU without power: exit 1, says what to give" expect 1 '' 'give --board-power-w' \
    energy decode --model llama-2-7b --hardware tpu-v5e
ok "energy decode on a TPU with a board power" expect 0 'J per generated token' '' \
    energy decode --model llama-2-7b --hardware tpu-v5e --board-power-w 250
ok "energy decode --batch 0: exit 1 naming the option" expect 1 '' '--batch must be >= 1, got 0' \
    energy decode --model llama-2-7b --hardware h100-sxm --batch 0
ok "energy decode negative override: exit 1 naming the option" expect 1 '' '--overhead-power-w must be >= 0 (W)' \
    energy decode --model llama-2-7b --hardware h100-sxm --overhead-power-w -3
ok "energy decode custom hardware needs its peak: exit 1" expect 1 '' '--hardware custom needs --peak-flop-per-s' \
    energy decode --model llama-2-7b --hardware custom
ok "energy decode on custom hardware" expect 0 'J per generated token' '' \
    energy decode --model llama-2-7b --hardware custom --peak-flop-per-s 1e15 --memory-bw-bytes-per-s 2e12 --board-power-w 500
ok "energy prefill needs --prompt-tokens: exit 2" expect 2 '' 'missing --prompt-tokens' \
    energy prefill --model llama-2-7b --hardware h100-sxm
ok "energy prefill prints J per prompt token" expect 0 'J per prompt token' '' \
    energy prefill --model llama-2-7b --hardware h100-sxm --prompt-tokens 512 --batch 4
ok "energy request" expect 0 'J per generated token (prefill included)' '' \
    energy request --model mixtral-8x7b --hardware h100-sxm --prompt-tokens 100 --generated 10
ok "energy train: LLaMA-2-7B on 2048 A100s" expect 0 '^CO2e  *3[0-9.]* t at 385 g/kWh$' '' \
    energy train --model llama-2-7b --tokens 2000000000000 --hardware a100-80-sxm --devices 2048 --mfu 0.4 --pue 1.1 --grid us-meta
ok "energy train with --grid and --grid-g-per-kwh: exit 2" expect 2 '' 'not both' \
    energy train --model llama-2-7b --tokens 1000 --hardware h100-sxm --grid us-meta --grid-g-per-kwh 400
ok "energy train --mfu 0: exit 1" expect 1 '' '--mfu must be in (0, 1]' \
    energy train --model llama-2-7b --tokens 1000 --hardware h100-sxm --mfu 0
ok "energy train --pue 0.5: exit 1" expect 1 '' '--pue must be >= 1' \
    energy train --model llama-2-7b --tokens 1000 --hardware h100-sxm --pue 0.5
ok "energy ladder prints the Landauer rung" expect 0 '^  Landauer bound' '' \
    energy ladder --model llama-2-7b --hardware h100-sxm-measured --measured-j 0.5
ok "presets without a list: exit 2" expect 2 '' "expected one of: 'models'" presets
ok "presets models with junk: exit 2" expect 2 '' "unknown argument" presets models --yaml
ok "landauer-model prints the per-layer breakdown" expect 0 '^  attention  *65152 bits$' '' \
    landauer-model --model llama-2-7b
ok "landauer-model GPT-3 at n = 2048: 8.642725013e-14 J" expect 0 '^Landauer bound  *8.642725013e-14 J per token$' '' \
    landauer-model --model gpt-3-175b --seq-len 2048
ok "landauer-model --attention-rows all" expect 0 '^  attention  *400490496 bits$' '' \
    landauer-model --model gpt-3-175b --attention-rows all
ok "landauer-model without --model: exit 2" expect 2 '' 'missing --model' landauer-model
ok "landauer-model unknown model: exit 2" expect 2 '' "unknown model 'gpt-7'" landauer-model --model gpt-7
ok "landauer-model bad rows mode: exit 2" expect 2 '' "--attention-rows must be one of one, all, not 'some'" landauer-model --model gpt-3 --attention-rows some
ok "landauer-model bad seq-len: exit 2" expect 2 '' "not a count: '-5'" landauer-model --model gpt-3 --seq-len -5
ok "landauer-model alpha > 1: domain error, exit 1" expect 1 '' '--saturation must be in \[0, 1\], got 1.5' landauer-model --model gpt-3 --saturation 1.5
ok "landauer-model seq-len beyond 64 bits: exit 2" expect 2 '' 'not a count' \
    landauer-model --model gpt-3 --seq-len 18446744073709551616
ok "landauer-model at n = 2^64 - 1 still erases (log2 n = 64 < d_k b)" expect 0 'Landauer bound' '' \
    landauer-model --model gpt-3 --seq-len 18446744073709551615 --attention-rows one --temperature-k 300 --saturation 0.1
ok "ter of GPT-3 at 0.004 J/token, n = 2048" expect 0 '^TER 4.628e+10 ' '' \
    ter --model gpt-3-175b --energy-per-token-j 0.004 --seq-len 2048
ok "ter without energy: exit 2" expect 2 '' 'missing --energy-per-token-j' ter --model gpt-3
ok "ter negative energy: exit 1" expect 1 '' '--energy-per-token-j must be >= 0 (J), got -1' ter --model gpt-3 --energy-per-token-j -1
ok "ter 0 K: exit 1" expect 1 '' '--temperature-k must be > 0 (kelvin), got 0' ter --model gpt-3 --energy-per-token-j 1 --temperature-k 0
ok "an override changes the model: 8 layers" expect 0 '^Landauer bound  *7.202270845e-15 J per token$' '' \
    landauer-model --model gpt-3-175b --seq-len 2048 --layers 8
ok "an override outside the library's domain: exit 1" expect 1 '' 'THERMOAI_E_INVALID' \
    landauer-model --model llama-2-7b --kv-heads 5
ok "help COMMAND prints the command's help" expect 0 '^usage: thermoai landauer ' '' help landauer
ok "help of an unknown command: exit 2" expect 2 '' "no command 'frob'" help frob
ok "--format csv on a calculator" expect 0 '^"landauer","' '' landauer --format csv
ok "--format with a bad value: exit 2" expect 2 '' "--format must be one of text, json, csv" landauer --format yaml
ok "a flag with a value: exit 2" expect 2 '' "takes no value" reproduce --quick=1
# allocate, precision, presets fits (allocate.h, precision.h, loss.h)
ok "allocate: the Epoch fit at Chinchilla's budget gives N = 7.30e10" expect 0 '^  parameters  *7\.30164e+10$' '' \
    allocate --energy-j 5.88e11 --fit besiroglu2024
ok "allocate: Hoffmann's printed fit gives 92.83 tokens per parameter" expect 0 '(92\.83 per parameter)' '' \
    allocate --energy-j 5.88e11 --fit hoffmann2022
ok "allocate: lifetime inference moves to a smaller model" expect 0 '^  parameters  *4\.84323e+09$' '' \
    allocate --energy-j 5.88e11 --inference-tokens 1e13 --mfu 0.4 --pue 1.2
ok "allocate without --energy-j: exit 2" expect 2 '' 'missing --energy-j' allocate
ok "allocate: unknown fit names the option, exit 2" expect 2 '' "--fit: unknown fit 'gpt'" allocate --energy-j 1e12 --fit gpt
ok "allocate: zero energy, domain error, exit 1" expect 1 '' '--energy-j must be > 0 (J), got 0' allocate --energy-j 0
ok "allocate: MFU 0, exit 1" expect 1 '' '--mfu must be > 0, got 0' allocate --energy-j 1e12 --mfu 0
ok "allocate: budget below the fixed energy, exit 1" expect 1 '' '--energy-j must exceed --fixed-j' \
    allocate --energy-j 1e6 --fixed-j 1e7
ok "allocate: PUE below 1, exit 1" expect 1 '' '--pue must be >= 1' allocate --energy-j 1e12 --pue 0.5
ok "precision: b* for c/tol = 2^16 is 8 bits" expect 0 '= 8 bits; 8 whole bits' '' precision --tolerance 1.52587890625e-05
ok "precision: per-layer widths of Theorem 3.22" expect 0 '^     3           16     9.5000      9$' '' \
    precision --sensitivities 1,4,16,0.25 --total-bits 32
ok "precision: sensitivities from a file" sh -c 'printf "# layer sensitivities\n1 4\n16, 0.25\n" >"$1/s.txt" && "$2" precision --sensitivities-file "$1/s.txt" --total-bits 32 | grep -q "^     4         0.25     6.5000      6$"' - "$tap_tmp" "$cli"
ok "precision: a bad number names the option, exit 2" expect 2 '' "--sensitivities: not a number: 'x'" precision --sensitivities 1,x
ok "precision: a negative sensitivity, exit 1" expect 1 '' '--sensitivities must be > 0, got -4 (layer 2)' precision --sensitivities 1,-4
ok "precision: a budget outside the bounds, exit 1" expect 1 '' '--total-bits must lie in \[4, 32\]' \
    precision --sensitivities 1,2 --total-bits 40
ok "precision: a missing file, exit 1" expect 1 '' "cannot open" precision --sensitivities-file /nonexistent/s.txt
ok "rd: Gaussian V = 1, D = 1/4 is 1 bit" expect 0 '^R(D) = 1 bits$' '' rd --source gaussian --variance 1 --distortion 0.25
ok "rd: Gaussian above the variance is 0 bits" expect 0 '^R(D) = 0 bits$' '' rd --source gaussian --variance 2 --distortion 3
ok "rd: the energy bound is k_B T ln 2 per bit" expect 0 '^E_min >= 2.870978885e-21 J at 300 K$' '' \
    rd --source gaussian --variance 1 --distortion 0.25
ok "rd: Bernoulli(0.3), D = 0.1: H(0.3) - H(0.1)" expect 0 '^R(D) = 0.4122953056 bits$' '' rd --source bernoulli --p 0.3 --distortion 0.1
ok "rd: Blahut-Arimoto on the binary symmetric source matches 1 - H(0.1)" sh -c \
    'printf "0.5 0.5\n" >"$1/p.txt" && printf "0 1\n1 0\n" >"$1/d.txt" && "$2" rd --pmf "$1/p.txt" --distortion-matrix "$1/d.txt" --distortion 0.1 | grep -q "^R(D) in \[0.5310044064, 0.5310044064\] bits at D = 0.1 (nx = 2, nxhat = 2)$"' - "$tap_tmp" "$cli"
ok "rd: beyond D_max the rate is 0" sh -c \
    '"$2" rd --pmf "$1/p.txt" --distortion-matrix "$1/d.txt" --distortion 0.7 | grep -q "^R(D) in \[0, 0\] bits at D = 0.5 "' - "$tap_tmp" "$cli"
ok "rd: below D_min, exit 1" sh -c \
    'printf "0.2 1\n1 0.2\n" >"$1/d2.txt"; "$2" rd --pmf "$1/p.txt" --distortion-matrix "$1/d2.txt" --distortion 0.1 2>&1 >/dev/null | grep -q "below the least achievable D_min = 0.2"' - "$tap_tmp" "$cli"
ok "rd: a matrix of the wrong shape, exit 1" sh -c \
    'printf "0 1 2\n" >"$1/d3.txt"; "$2" rd --pmf "$1/p.txt" --distortion-matrix "$1/d3.txt" --distortion 0.1 2>&1 >/dev/null | grep -q "3 numbers are not 2 rows"' - "$tap_tmp" "$cli"
ok "rd: a word in the pmf file, exit 1" sh -c \
    'printf "0.5 x\n" >"$1/p2.txt"; "$2" rd --pmf "$1/p2.txt" --distortion-matrix "$1/d.txt" --distortion 0.1; test $? -eq 1' - "$tap_tmp" "$cli"
ok "rd: a pmf that does not sum to 1 is the library's E_INVALID, exit 1" sh -c \
    'printf "0.5 0.6\n" >"$1/p3.txt"; "$2" rd --pmf "$1/p3.txt" --distortion-matrix "$1/d.txt" --distortion 0.1 2>&1 | grep -q "thermoai_rd_ba_create"' - "$tap_tmp" "$cli"
ok "rd: a missing file, exit 1" expect 1 '' "cannot open" rd --pmf /nonexistent/p.txt --distortion-matrix /nonexistent/d.txt --distortion 0.1
ok "rd: no source, exit 2" expect 2 '' 'give --source' rd --distortion 0.1
ok "rd: --pmf without a matrix, exit 2" expect 2 '' 'needs --distortion-matrix' rd --pmf /nonexistent/p.txt --distortion 0.1
ok "rd: Bernoulli p outside [0, 1], exit 1" expect 1 '' '--p must be' rd --source bernoulli --p 1.5 --distortion 0.1
ok "presets fits lists the four fits" expect 0 '^besiroglu2024  *1.8172  *482.01  *0.3478  *2085.43  *0.3658$' '' presets fits
# every command of the table answers --help with exit 0 and its own usage line
"$cli" help >"$tap_tmp/help" 2>&1
sed -n 's/^  \([a-z][a-z-]*\( [a-z][a-z-]*\)\{0,1\}\)  .*/\1/p' "$tap_tmp/help" | grep -v '^help' >"$tap_tmp/cmds"
ok "the command list is not empty" test -s "$tap_tmp/cmds"
while read -r cmd; do
    # shellcheck disable=SC2086
    ok "thermoai $cmd --help exits 0 with its usage" expect 0 "^usage: thermoai $cmd" '' $cmd --help
done <"$tap_tmp/cmds"
done_testing
