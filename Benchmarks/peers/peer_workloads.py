#!/usr/bin/env python3
"""The peer side of `make bench-peers`: the Outturn workloads done with numpy, pandas and
statsforecast, each printed as one JSON object per line:
{"workload": ..., "side": "peer", "seconds": ..., ...}. Inputs are set up outside the timed
region; each timing is the best of a few repeats unless the workload is long.

Run through Benchmarks/peers/run.sh, which sets the thread counts deliberately.
"""
import argparse
import json
import os
import time

import numpy as np


def emit(**fields):
    print(json.dumps(fields), flush=True)


def best_of(repeats, function):
    best = float("inf")
    result = None
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def synthetic_columns(series, periods, seed):
    """Series x periods, one series per row (C order): each series contiguous, as in Outturn."""
    rng = np.random.default_rng(seed)
    level = 1_000 + 9_000 * rng.random(series)
    slope = level * 0.03 * (2 * rng.random(series) - 1)
    t = np.arange(1, periods + 1)
    return level[:, None] + slope[:, None] * t[None, :] + 0.05 * level[:, None] * rng.standard_normal((series, periods))


# --- limits --------------------------------------------------------------------------------
def limits(arguments):
    from threadpoolctl import threadpool_info
    info = [entry for entry in threadpool_info() if entry.get("user_api") == "blas"]
    n = 2000
    rng = np.random.default_rng(1)
    a, b = rng.standard_normal((n, n)), rng.standard_normal((n, n))
    seconds, _ = best_of(5, lambda: a @ b)
    emit(workload="numpy dgemm 2000", side="peer", seconds=seconds, gflops=2 * n**3 / seconds / 1e9,
         blas=[{k: entry.get(k) for k in ("internal_api", "version", "architecture", "num_threads")} for entry in info])
    x = np.ones(40_000_000)
    seconds, _ = best_of(5, lambda: x.sum())
    emit(workload="numpy read bandwidth", side="peer", seconds=seconds, gbytes_per_second=x.nbytes / seconds / 1e9)


# --- batch linear trend m x T ----------------------------------------------------------------
def batch_trend(arguments):
    m, periods = arguments.series, arguments.periods
    y = synthetic_columns(m, periods, seed=7)          # m x T, C order
    t = np.arange(1, periods + 1, dtype=float)
    design = np.column_stack([np.ones(periods), t])    # T x 2
    dof = periods - 2

    def lstsq_route():
        coefficients, ssr, _, _ = np.linalg.lstsq(design, y.T, rcond=None)  # matrix right-hand side
        return coefficients, np.sqrt(ssr / dof)

    gram_inverse = np.linalg.inv(design.T @ design)

    def projection_route():
        # X'Y in one matmul, coefficients by the 2x2 inverse, SSR = y'y - b'X'y per series.
        xty = y @ design                                # m x 2
        coefficients = xty @ gram_inverse               # m x 2 (symmetric inverse)
        ssr = np.einsum("ij,ij->i", y, y) - np.einsum("ij,ij->i", coefficients, xty)
        return coefficients, np.sqrt(np.maximum(ssr, 0) / dof)

    projection = np.linalg.pinv(design)                 # 2 x T

    def residual_route():
        coefficients = y @ projection.T                 # m x 2
        residuals = y - coefficients @ design.T
        return coefficients, np.sqrt(np.einsum("ij,ij->i", residuals, residuals) / dof)

    from threadpoolctl import threadpool_limits
    repeats = 3 if m >= 1_000_000 else 7
    routes = {"lstsq matrix rhs": lstsq_route, "projection + one matmul": projection_route,
              "projection + residual matrix": residual_route}
    # On a shared 2-core machine two BLAS threads can lose to one; numpy gets the better of both.
    timings = {}
    for threads in sorted({1, int(os.environ.get("OPENBLAS_NUM_THREADS", "1"))}):
        with threadpool_limits(limits=threads, user_api="blas"):
            for name, route in routes.items():
                timings[f"{name}, {threads} thread(s)"] = best_of(repeats, route)[0]
    fastest = min(timings, key=timings.get)
    emit(workload=f"batch trend {m}x{periods}", side="peer", seconds=timings[fastest], route=fastest,
         routes=timings, bytes=y.nbytes)


# --- pivoted-QR least squares n x p ----------------------------------------------------------
def least_squares(arguments):
    import scipy.linalg
    for rows, columns in [(36, 3), (1_000, 10), (10_000, 50), (100_000, 20)]:
        rng = np.random.default_rng(rows * columns)
        design = np.column_stack([np.ones(rows), rng.standard_normal((rows, columns - 1))])
        response = design @ rng.standard_normal(columns) + rng.standard_normal(rows)

        def fit():
            # Pivoted QR as Outturn does (dgeqp3), then the triangular solve and residuals.
            q, r, pivots = scipy.linalg.qr(design, mode="economic", pivoting=True)
            coefficients = np.empty(columns)
            coefficients[pivots] = scipy.linalg.solve_triangular(r, q.T @ response)
            residuals = response - design @ coefficients
            return coefficients, residuals

        repeats = 50 if rows * columns < 1e5 else 5
        seconds, _ = best_of(repeats, fit)
        emit(workload=f"least squares {rows}x{columns}", side="peer", seconds=seconds, route="scipy qr(pivoting)")


# --- statsforecast ---------------------------------------------------------------------------
def read_long(path):
    import pandas as pd
    frame = pd.read_csv(path)
    return frame.rename(columns={"series": "unique_id", "period": "ds", "value": "y"})


def split(frame, horizon):
    position = frame.groupby("unique_id").cumcount(ascending=False)
    return frame[position >= horizon], frame[position < horizon]


def accuracy(train, test, forecasts, horizon):
    """sMAPE, MASE, Cov80, Cov95 as defined in datasets/competition/README.md."""
    merged = test.merge(forecasts, on=["unique_id", "ds"])
    y, f = merged["y"].to_numpy(), merged["AutoETS"].to_numpy()
    smape = np.mean(200 * np.abs(y - f) / (np.abs(y) + np.abs(f)))
    scale = train.groupby("unique_id")["y"].apply(lambda v: np.mean(np.abs(np.diff(v.to_numpy()))))
    errors = merged.assign(error=np.abs(y - f)).groupby("unique_id")["error"].mean()
    mase = np.nanmean((errors / scale.reindex(errors.index)).replace([np.inf, -np.inf], np.nan))
    cov80 = np.mean((y >= merged["AutoETS-lo-80"]) & (y <= merged["AutoETS-hi-80"]))
    cov95 = np.mean((y >= merged["AutoETS-lo-95"]) & (y <= merged["AutoETS-hi-95"]))
    return {"smape": float(smape), "mase": float(mase), "cov80": float(cov80), "cov95": float(cov95),
            "series": int(merged["unique_id"].nunique())}


def auto_ets(arguments):
    from statsforecast import StatsForecast
    from statsforecast.models import AutoETS
    frame = read_long(arguments.file)
    train, test = split(frame, arguments.horizon)
    series = train["unique_id"].nunique()
    # Warm-up outside the timing (first-call compilation and imports).
    warm = train[train["unique_id"].isin(train["unique_id"].unique()[:5])]
    StatsForecast(models=[AutoETS()], freq=1, n_jobs=arguments.jobs).forecast(h=arguments.horizon, df=warm, level=[80, 95])
    start = time.perf_counter()
    forecasts = StatsForecast(models=[AutoETS()], freq=1, n_jobs=arguments.jobs).forecast(
        h=arguments.horizon, df=train, level=[80, 95])
    seconds = time.perf_counter() - start
    emit(workload=f"auto {os.path.basename(arguments.file)} {arguments.jobs} core", side="peer", seconds=seconds,
         series_per_second=series / seconds, route="statsforecast AutoETS", **accuracy(train, test, forecasts, arguments.horizon))


def ets_single(arguments):
    from statsforecast.models import AutoETS
    rng = np.random.default_rng(30)
    y = 1_000 + 20 * np.arange(30) + 40 * rng.standard_normal(30)
    AutoETS(model="AAN").fit(y)
    seconds, _ = best_of(20, lambda: AutoETS(model="AAN").fit(y))
    emit(workload="ets fit AAN 30 points", side="peer", seconds=seconds, route="statsforecast AutoETS(model='AAN')")


def backtest(arguments):
    """The whole job, CSV in and metrics out, as an analyst would write it."""
    start = time.perf_counter()
    from statsforecast import StatsForecast
    from statsforecast.models import AutoETS, Naive
    frame = read_long(arguments.file)
    train, test = split(frame, arguments.horizon)
    forecasts = StatsForecast(models=[AutoETS()], freq=1, n_jobs=arguments.jobs, fallback_model=Naive()).forecast(
        h=arguments.horizon, df=train, level=[80, 95])
    metrics = accuracy(train, test, forecasts, arguments.horizon)
    with open(arguments.output, "w") as out:
        out.write("measure,value\n" + "".join(f"{key},{value}\n" for key, value in metrics.items()))
    seconds = time.perf_counter() - start
    emit(workload=f"backtest {os.path.basename(arguments.file)}", side="peer", seconds=seconds,
         route=f"pandas + statsforecast AutoETS, n_jobs={arguments.jobs}", **metrics)


# --- simulation ------------------------------------------------------------------------------
def simulation(arguments):
    draws, lines = arguments.draws, arguments.lines
    rng = np.random.default_rng(11)
    sd = 1_000 + 9_000 * rng.random(lines)
    correlation = np.full((lines, lines), 0.3) + 0.7 * np.eye(lines)
    covariance = correlation * np.outer(sd, sd)
    mean = 10 * sd

    def draw():
        factor = np.linalg.cholesky(covariance)
        z = np.random.default_rng(5).standard_normal((draws, lines))
        return mean + z @ factor.T

    seconds, _ = best_of(2, draw)
    z = np.random.default_rng(5).standard_normal((draws, lines))
    factor = np.linalg.cholesky(covariance)
    gemm_seconds, _ = best_of(2, lambda: z @ factor.T)
    emit(workload=f"simulation {draws}x{lines}", side="peer", seconds=seconds, gemm_seconds=gemm_seconds,
         flops=2.0 * draws * lines * lines, route="cholesky + standard_normal + matmul")


def ledger_read(arguments):
    import pandas as pd
    with open(arguments.file, "rb") as handle:
        data = handle.read()
    import io
    seconds, frame = best_of(3, lambda: pd.read_csv(io.BytesIO(data)))
    emit(workload=f"read ledger {len(frame)} rows", side="peer", seconds=seconds, rows=len(frame), route="pandas.read_csv")


def main():
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("limits").set_defaults(run=limits)
    command = commands.add_parser("batch-trend")
    command.add_argument("--series", type=int, required=True)
    command.add_argument("--periods", type=int, default=36)
    command.set_defaults(run=batch_trend)
    commands.add_parser("least-squares").set_defaults(run=least_squares)
    commands.add_parser("ets").set_defaults(run=ets_single)
    for name, run in [("auto", auto_ets), ("backtest", backtest)]:
        command = commands.add_parser(name)
        command.add_argument("--file", required=True)
        command.add_argument("--horizon", type=int, required=True)
        command.add_argument("--jobs", type=int, default=1)
        command.add_argument("--output", default=os.devnull)
        command.set_defaults(run=run)
    command = commands.add_parser("simulation")
    command.add_argument("--draws", type=int, default=100_000)
    command.add_argument("--lines", type=int, default=1_000)
    command.set_defaults(run=simulation)
    command = commands.add_parser("ledger-read")
    command.add_argument("--file", required=True)
    command.set_defaults(run=ledger_read)
    arguments = parser.parse_args()
    arguments.run(arguments)


if __name__ == "__main__":
    main()
