#!/usr/bin/env bash
# make bench-peers: Outturn side by side with numpy, pandas and statsforecast, in one run.
#
#  1. a throwaway virtual environment in Benchmarks/.venv (numpy, pandas, statsforecast from PyPI);
#  2. the seeded synthetic inputs in Benchmarks/.data (generate.py; written once);
#  3. release builds of Benchmarks' outturn-timings driver and of planner;
#  4. the machine's limits measured on the spot: memory bandwidth (limits/stream.c) and the
#     dgemm rate of the system OpenBLAS Outturn links (limits/dgemm.c) and of numpy's OpenBLAS;
#  5. every workload on both sides, then ONE table of ratios (report.py).
#
# Threads, set deliberately: OPENBLAS_NUM_THREADS=2 for the single big BLAS calls (batch trend,
# simulation, least squares) on both sides; OPENBLAS_NUM_THREADS=1 wherever work is split across
# series (auto with 2 workers, statsforecast n_jobs=2, backtest) so BLAS threads and ours do not
# fight. numpy runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (only in its own command)
# so it picks its best kernel; the kernel it used is printed (threadpoolctl). Outturn runs with
# the environment as it is.
#
# ONLY="batch auto" runs just those sections (batch lsq ets auto simulation ledger backtest forecast reading);
# the limits are always measured. QUICK=1 uses smaller sizes (batch trend up to 100k, 10k-series backtest) for a run of a few minutes.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH="$(cd "$HERE/.." && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
DATA="$BENCH/.data"
VENV="$BENCH/.venv"
RUN="$DATA/peers-$(date -u +%Y%m%dT%H%M%SZ)"
RESULTS="$RUN/results.jsonl"
mkdir -p "$RUN"
: > "$RESULTS"
log() { printf '== %s\n' "$*" >&2; }
want() { [ -z "${ONLY:-}" ] || [[ " $ONLY " == *" $1 "* ]]; }

log "virtual environment $VENV"
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/pip" install -q --disable-pip-version-check numpy pandas statsforecast threadpoolctl scipy

log "synthetic inputs in $DATA"
python3 "$HERE/generate.py"

log "release builds (outturn-timings, planner)"
(cd "$BENCH" && swift build -c release --product outturn-timings 2>&1 | tail -n 2)
TIMINGS="$(cd "$BENCH" && swift build -c release --show-bin-path)/outturn-timings"
(cd "$ROOT" && swift build -c release --product planner 2>&1 | tail -n 2)
PLANNER="$(cd "$ROOT" && swift build -c release --show-bin-path)/planner"

peer() { # peer THREADS workload args…: numpy/pandas/statsforecast, best kernel, threads as given
    local threads="$1"; shift
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS="$threads" OMP_NUM_THREADS="$threads" \
        "$VENV/bin/python" "$HERE/peer_workloads.py" "$@" | tee -a "$RESULTS" || log "peer $* failed"
}
outturn() { # outturn THREADS workload args…
    local threads="$1"; shift
    OPENBLAS_NUM_THREADS="$threads" "$TIMINGS" "$@" | tee -a "$RESULTS" || log "outturn $* failed"
}
whole() { # whole NAME SIDE THREADS ROUTE command…: one process timed end to end, peak RSS from /usr/bin/time -v
    local name="$1" side="$2" threads="$3" route="$4"; shift 4
    local timing="$RUN/time-$side-${name// /_}.txt" start end status=0
    local unset=()
    if [ "$side" = peer ]; then unset=(-u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE); fi
    start=$(date +%s.%N)
    env "${unset[@]}" OPENBLAS_NUM_THREADS="$threads" \
        /usr/bin/time -v -o "$timing" "$@" > "$RUN/out-$side-${name// /_}.txt" 2> "$RUN/err-$side-${name// /_}.txt" || status=$?
    end=$(date +%s.%N)
    python3 - "$name" "$side" "$start" "$end" "$timing" "$status" "$route" <<'PY' | tee -a "$RESULTS"
import json, re, sys
name, side, start, end, timing, status, route = sys.argv[1:]
text = open(timing).read()
rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
print(json.dumps({"workload": name, "side": side, "seconds": float(end) - float(start), "exit": int(status),
                  "peak_rss_bytes": int(rss.group(1)) * 1024 if rss else None, "route": route}))
PY
}

log "machine limits"
gcc -O3 -march=native -fopenmp "$HERE/limits/stream.c" -o "$RUN/stream"
gcc -O3 "$HERE/limits/dgemm.c" -o "$RUN/dgemm" $(pkg-config --cflags --libs openblas)
for threads in 1 2; do
    OMP_NUM_THREADS=$threads "$RUN/stream" | awk -v t=$threads '{printf "{\"workload\": \"limit bandwidth\", \"side\": \"machine\", \"threads\": %d, \"read_gbs\": %s, \"triad_gbs\": %s}\n", t, $2, $4}' | tee -a "$RESULTS"
    OPENBLAS_NUM_THREADS=$threads "$RUN/dgemm" 100000 1000 | awk -v t=$threads 'BEGIN{ORS=""} {v[NR]=$2} END{printf "{\"workload\": \"limit dgemm system openblas\", \"side\": \"machine\", \"threads\": %d, \"gflops\": %s, \"gflops_simulation_shape\": %s}\n", t, v[1], v[2]}' | tee -a "$RESULTS"
    peer $threads limits
done
"$RUN/dgemm" >/dev/null  # (warm)
printf '{"workload": "limit openblas kernel", "side": "machine", "system": "%s"}\n' \
    "$(printf 'char*openblas_get_corename(void);\n#include <stdio.h>\nint main(){puts(openblas_get_corename());}\n' | gcc -x c - -o "$RUN/core" $(pkg-config --libs openblas) && "$RUN/core")" | tee -a "$RESULTS"

if [ "${QUICK:-0}" = 1 ]; then SIZES="10000 100000"; BACKTEST_SERIES=10000; else SIZES="10000 100000 1000000"; BACKTEST_SERIES=100000; fi

if want batch; then
log "batch linear trend m×36 (OPENBLAS_NUM_THREADS=2 both sides; numpy also tried on 1 thread, fastest kept)"
for m in $SIZES; do
    outturn 2 batch-trend --series "$m" --periods 36
    outturn 2 batch-trend --series "$m" --periods 36 --workers 1
    peer 2 batch-trend --series "$m" --periods 36
done
fi

if want lsq; then
log "pivoted-QR least squares"
outturn 2 least-squares
peer 2 least-squares
fi

if want ets; then
log "one ETS fit, 30 points"
outturn 1 ets
peer 1 ets
fi

if want auto; then
log "auto over the yearly competition files (1 and 2 cores; OPENBLAS_NUM_THREADS=1)"
for spec in tourism-yearly.csv:4 m1-yearly.csv:6; do
    file="$ROOT/datasets/competition/${spec%%:*}"; horizon="${spec##*:}"
    for jobs in 1 2; do
        outturn 1 auto --file "$file" --horizon "$horizon" --jobs "$jobs"
        peer 1 auto --file "$file" --horizon "$horizon" --jobs "$jobs"
    done
done
fi

if want simulation; then
log "joint overspend simulation 100k draws × 1,000 lines (OPENBLAS_NUM_THREADS=2)"
outturn 2 simulation --draws 100000 --lines 1000
peer 2 simulation --draws 100000 --lines 1000
fi

if want ledger; then
log "reading the 1M-row ledger CSV: Ledger (parse + validate, what planner does) and CSVTable (fields only)"
outturn 1 ledger-read --file "$DATA/ledger-1m.csv" --parser ledger
# What planner does since issue 12: the file memory-mapped and parsed on both cores.
outturn 1 ledger-read --file "$DATA/ledger-1m.csv" --parser file --repeats 3
outturn 1 ledger-read --file "$DATA/ledger-1m.csv" --parser csv --repeats 3
peer 1 ledger-read --file "$DATA/ledger-1m.csv"
fi

if want backtest; then
log "end to end: backtest of $BACKTEST_SERIES series, CSV in, metrics out (2 cores each side)"
SERIES_FILE="$DATA/series-100k.csv"
if [ "$BACKTEST_SERIES" != 100000 ]; then
    SERIES_FILE="$RUN/series-$BACKTEST_SERIES.csv"
    awk -F, -v n="$BACKTEST_SERIES" 'NR == 1 || substr($1, 2) + 0 <= n' "$DATA/series-100k.csv" > "$SERIES_FILE"
fi
printf '{"workload": "input size", "side": "machine", "file": "%s", "bytes": %s}\n' "$(basename "$SERIES_FILE")" "$(stat -c %s "$SERIES_FILE")" | tee -a "$RESULTS"
# The same job on both sides: auto (Outturn's default automatic method) against AutoETS, horizon 4,
# accuracy and interval coverage out. planner parallelises across series itself (BLAS threads 1).
whole "backtest $BACKTEST_SERIES series" outturn 1 "planner backtest --method auto --format json" \
    "$PLANNER" backtest "$SERIES_FILE" --horizon 4 --method auto --format json
whole "backtest $BACKTEST_SERIES series" peer 1 "pandas + statsforecast AutoETS, n_jobs=2" \
    "$VENV/bin/python" "$HERE/peer_workloads.py" backtest \
    --file "$SERIES_FILE" --horizon 4 --jobs 2 --output "$RUN/peer-backtest-metrics.csv"

python3 - "$RUN" <<'PY' | tee -a "$RESULTS"
import glob, json, sys
run = sys.argv[1]
mine = next(iter(glob.glob(f"{run}/out-outturn-backtest_*.txt")), None)
theirs = next(iter(glob.glob(f"{run}/out-peer-backtest_*.txt")), None)
try:
    auto = json.load(open(mine))["results"][0]
    outturn = {"smape": auto["smape"], "mase": auto["mase"], "cov80": auto["coverage80"], "cov95": auto["coverage95"]}
except Exception as error:
    outturn = {"error": str(error)}
try:
    line = [l for l in open(theirs) if l.startswith("{")][-1]
    peer = {key: json.loads(line)[key] for key in ("smape", "mase", "cov80", "cov95")}
except Exception as error:
    peer = {"error": str(error)}
print(json.dumps({"workload": "backtest accuracy", "side": "machine", "outturn": outturn, "peer": peer}))
PY
fi

if want forecast; then
log "planner forecast: 1k, 5k, 10k-row ledgers, then the 1M-row ledger with a ${FORECAST_TIMEOUT:=150} s limit"
# At this commit forecast time grows with lines × rows (Ledger lookups, see README), so the small
# ledgers give the growth and the 1M-row run shows whether it finishes within the limit.
for lines in 200 1000 2000; do python3 "$HERE/generate.py" --ledger-only --lines "$lines" 2>/dev/null || true; done
for rows in 1000 5000 10000 1m; do
    printf '{"workload": "input size", "side": "machine", "file": "ledger-%s.csv", "bytes": %s}\n' "$rows" "$(stat -c %s "$DATA/ledger-$rows.csv")" | tee -a "$RESULTS"
    # prlimit caps the address space at 12 GiB: at this commit the total-risk simulation builds a
    # lines×lines covariance (320 GB for 200k lines), which must fail fast, not swamp the machine.
    whole "forecast ledger $rows rows" outturn 1 "planner forecast --format csv" \
        prlimit --as=$((12 * 1024 * 1024 * 1024)) timeout "$FORECAST_TIMEOUT" "$PLANNER" forecast "$DATA/scenario-ledger-$rows.yaml" --format csv
done
fi

if want reading; then
log "reading-bound jobs (issue 12): backtest --method linear and variance against pandas, whole process, ${ROUNDS:-7} rounds"
RUN="$RUN" PLANNER="$PLANNER" bash "$HERE/reading.sh" | tee "$RUN/reading-table.md"
fi

log "table"
python3 "$HERE/report.py" "$RESULTS" | tee "$RUN/table.md"
echo "(raw results: $RESULTS)" >&2
