#!/usr/bin/env bash
# The reading-bound jobs of issue 12, whole process against pandas, in one run (ONLY=reading in
# run.sh, or on its own): ROUNDS (default 7) rounds, each running the two sides of each job back
# to back (alternating which goes first), then min / median / max per side and the per-round
# ratio pandas ÷ Outturn (above 1: Outturn is faster). Peak RSS from /usr/bin/time -v.
#
#   backtest: planner backtest --method linear --horizon 4 on 100k series x 24 periods
#             vs pandas.read_csv + one numpy QR for all series + residual s.e. + metrics
#   variance: planner variance --format csv --output on a 1M-row ledger
#             (scripts/generate-ledger.py --lines 250000 --years 5)
#             vs pandas.read_csv + latest year + budget - actual + to_csv
#
# Needs Benchmarks/.venv with numpy, pandas and scipy (run.sh makes it) and a release planner.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH="$(cd "$HERE/.." && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
DATA="$BENCH/.data"
VENV="$BENCH/.venv"
ROUNDS="${ROUNDS:-7}"
RUN="${RUN:-$DATA/reading-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$RUN"
RESULTS="$RUN/reading.jsonl"
: > "$RESULTS"

PLANNER="${PLANNER:-$(cd "$ROOT" && swift build -c release --show-bin-path)/planner}"
[ -x "$PLANNER" ] || (cd "$ROOT" && swift build -c release --product planner 2>&1 | tail -n 2)
SERIES="$DATA/series-100k-24.csv"
LEDGER="$DATA/ledger-250k-5y/ledger.csv"
[ -f "$SERIES" ] || "$VENV/bin/python" "$HERE/reading_peers.py" generate-series "$SERIES"
[ -f "$LEDGER" ] || python3 "$ROOT/scripts/generate-ledger.py" --lines 250000 --years 5 "$DATA/ledger-250k-5y" >/dev/null

timed() { # timed JOB SIDE ROUND command…
    local job="$1" side="$2" round="$3"; shift 3
    local timing="$RUN/time-$job-$side-$round.txt" start end status=0
    start=$(date +%s.%N)
    OPENBLAS_NUM_THREADS=1 /usr/bin/time -v -o "$timing" "$@" > "$RUN/out-$job-$side.txt" 2> "$RUN/err-$job-$side.txt" || status=$?
    end=$(date +%s.%N)
    local rss cpu
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2 * 1024}' "$timing")
    cpu=$(awk -F': ' '/User time|System time/ {sum += $2} END {print sum}' "$timing")
    printf '{"job": "%s", "side": "%s", "round": %d, "seconds": %s, "cpu_seconds": %s, "peak_rss_bytes": %s, "exit": %d}\n' \
        "$job" "$side" "$round" "$(echo "$end - $start" | bc)" "$cpu" "$rss" "$status" | tee -a "$RESULTS" >&2
}

for round in $(seq 1 "$ROUNDS"); do
    sides=(outturn pandas)
    if (( round % 2 == 0 )); then sides=(pandas outturn); fi
    for side in "${sides[@]}"; do
        if [ "$side" = outturn ]; then
            timed backtest outturn "$round" "$PLANNER" backtest "$SERIES" --horizon 4 --method linear --format json
            timed variance outturn "$round" "$PLANNER" variance "$LEDGER" --format csv --output "$RUN/variance-outturn.csv"
        else
            timed backtest pandas "$round" "$VENV/bin/python" "$HERE/reading_peers.py" backtest-linear "$SERIES" --horizon 4 --output "$RUN/backtest-pandas.csv"
            timed variance pandas "$round" "$VENV/bin/python" "$HERE/reading_peers.py" variance "$LEDGER" --output "$RUN/variance-pandas.csv"
        fi
    done
done

python3 - "$RESULTS" "$SERIES" "$LEDGER" <<'PY'
import json, os, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
sizes = {"backtest": os.path.getsize(sys.argv[2]), "variance": os.path.getsize(sys.argv[3])}
print("| job | input | Outturn s min / median / max | pandas s min / median / max | pandas ÷ Outturn per round min / median / max | CPU s (user + sys) median, Outturn / pandas | peak RSS Outturn / pandas |")
print("|---|---|---|---|---|---|---|")
for job in ("backtest", "variance"):
    mine = {r["round"]: r for r in rows if r["job"] == job and r["side"] == "outturn"}
    theirs = {r["round"]: r for r in rows if r["job"] == job and r["side"] == "pandas"}
    if any(r["exit"] for r in list(mine.values()) + list(theirs.values())):
        print(f"| {job} | FAILED: a run exited non-zero (see err-*.txt) ||||||")
        continue
    a = sorted(r["seconds"] for r in mine.values())
    b = sorted(r["seconds"] for r in theirs.values())
    ratios = sorted(theirs[k]["seconds"] / mine[k]["seconds"] for k in mine if k in theirs)
    fmt = lambda v: f"{min(v):.3f} / {statistics.median(v):.3f} / {max(v):.3f}"
    rss = f"{max(r['peak_rss_bytes'] for r in mine.values()) / 1e6:.0f} MB / {max(r['peak_rss_bytes'] for r in theirs.values()) / 1e6:.0f} MB"
    cpu = f"{statistics.median(r['cpu_seconds'] for r in mine.values()):.2f} / {statistics.median(r['cpu_seconds'] for r in theirs.values()):.2f}"
    print(f"| {job} | {sizes[job] / 1e6:.1f} MB | {fmt(a)} | {fmt(b)} | {min(ratios):.2f}× / {statistics.median(ratios):.2f}× / {max(ratios):.2f}× | {cpu} | {rss} |")
PY
