#!/usr/bin/env bash
# make fuzz: builds the libFuzzer targets of Fuzz/ (scratch path .build-fuzz/, git-ignored) and
# runs each for FUZZ_SECONDS (default 600), from seed corpora taken from datasets/.
#   FUZZ_SECONDS=30 make fuzz          a short pass (CI)
#   FUZZ_TARGETS="FuzzCSV" make fuzz   one target
# Findings (crash-*, timeout-*, oom-*) are written to .build-fuzz/findings/TARGET/ and the run
# fails; each should become a regression test. A summary line per target goes to standard output.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
SECONDS_PER_TARGET=${FUZZ_SECONDS:-600}
TARGETS=${FUZZ_TARGETS:-"FuzzCSV FuzzParsers FuzzScenario FuzzBacktest"}
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
SWIFT=${SWIFT:-swift}

start=$(date +%s)
# -sanitize=fuzzer instruments every module for coverage and links libFuzzer's main;
# address adds AddressSanitizer (the C YAML parser and the pointer code are checked too).
"$SWIFT" build --package-path Fuzz --scratch-path "$SCRATCH" -c debug \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xcc -fsanitize=fuzzer-no-link,address 2>&1 | grep -v 'Cannot export local symbol' | tail -40
bin=$("$SWIFT" build --package-path Fuzz --scratch-path "$SCRATCH" -c debug --show-bin-path)
echo "fuzz: build $(( $(date +%s) - start )) s"

# Seed corpora: small files and single fields from datasets/ (never committed). What a run adds
# is kept in .build-fuzz/corpus/ and grows from run to run.
corpus=$SCRATCH/corpus
mkdir -p "$corpus"/{FuzzCSV,FuzzParsers,FuzzScenario,FuzzBacktest}
for file in datasets/gwent-ict/*.csv datasets/nist/*.csv; do
  head -c 4000 "$file" > "$corpus/FuzzCSV/$(basename "$file")"
done
cp datasets/gwent-ict/*.yaml "$corpus/FuzzScenario/"
n=0
for file in datasets/competition/*.csv; do
  head -n 60 "$file" > "$corpus/FuzzBacktest/$(basename "$file")"
done
printf 'series,period,value\nA,1,10\nA,2,12\nB,2,90\nB,1,100\n' > "$corpus/FuzzBacktest/unordered.csv"
# Parser seeds: every field of the bundled ledger and activity files, and the documented forms.
for value in $(tail -n +2 -q datasets/gwent-ict/*.csv | tr ',' '\n' | sort -u | head -200) \
             '4,700,000' '£4.7m' '763k' '-250,000' '(1,234)' '1,234.56' '5%' '0.05' '99.9%' '2021/22' '2021-2022'; do
  n=$((n + 1))
  printf '%s' "$value" > "$corpus/FuzzParsers/seed-$n"
done

status=0
for target in $TARGETS; do
  findings=$SCRATCH/findings/$target
  mkdir -p "$findings"
  log=$SCRATCH/$target.log
  set +e
  (cd "$findings" && "$bin/$target" -max_total_time="$SECONDS_PER_TARGET" -max_len=4096 -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 "$root/$corpus/$target") > "$log" 2>&1
  result=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo "?")
  echo "fuzz: $target: $runs executions in ${SECONDS_PER_TARGET} s, coverage $cov, exit $result"
  if [ "$result" -ne 0 ]; then
    status=1
    grep -m 5 -E 'ERROR|Fatal error|SUMMARY|Test unit written' "$log" || true
  fi
done
echo "fuzz: total $(( $(date +%s) - start )) s"
exit $status
