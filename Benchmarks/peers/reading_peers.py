#!/usr/bin/env python3
"""The reading-bound jobs of issue 12 done with pandas, each a whole process (Python start-up and
imports included, as `planner` is timed from exec to exit), plus their seeded inputs.

  generate-series PATH   100,000 series x 24 periods, `series,period,value` (about 47 MB)
  backtest-linear FILE --horizon H --output OUT
                         pandas.read_csv, then a linear trend fitted to every series at once by
                         one numpy QR of the shared design [1, t] (batch least squares), residual
                         standard errors, forecasts with t intervals (80%, 95%), and sMAPE, MASE,
                         coverage written to OUT: what `planner backtest --method linear` does
  variance FILE --output OUT
                         pandas.read_csv, the latest year, budget - actual and its percentage,
                         to_csv: what `planner variance FILE --format csv --output OUT` does

Run through Benchmarks/peers/reading.sh.
"""
import argparse
import math
import random
import sys


def generate_series(arguments):
    rng = random.Random(20261130)
    with open(arguments.path, "w", buffering=1 << 20) as out:
        out.write("series,period,value\n")
        for index in range(arguments.series):
            level = math.exp(rng.gauss(8.0, 1.5))
            slope = level * rng.gauss(0.02, 0.03)
            noise = level * (abs(rng.gauss(0.05, 0.03)) + 0.01)
            name = f"S{index + 1:06d}"
            out.write("".join(f"{name},{t},{level + slope * t + noise * rng.gauss(0, 1):.1f}\n"
                              for t in range(1, arguments.periods + 1)))


def backtest_linear(arguments):
    import numpy as np
    import pandas as pd
    from scipy.stats import t as student_t
    frame = pd.read_csv(arguments.file)
    lengths = frame.groupby("series", sort=False).size().to_numpy()
    periods = int(lengths[0])
    if not (lengths == periods).all():
        sys.exit("backtest-linear: this peer handles series of equal length only")
    # Rows grouped by series in period order (as written) need no sort: checked, not assumed.
    if not (frame["period"].to_numpy() == np.tile(np.arange(1, periods + 1), len(lengths))).all() or \
            not (frame["series"].to_numpy()[::periods] == frame["series"].unique()).all():
        frame = frame.sort_values(["series", "period"], kind="stable")
    y = frame["value"].to_numpy().reshape(len(lengths), periods)       # m x T
    h = arguments.horizon
    train, test = y[:, :-h], y[:, -h:]
    n = periods - h
    t = np.arange(1, n + 1, dtype=float)
    design = np.column_stack([np.ones(n), t])
    q, r = np.linalg.qr(design)                                         # one QR for every series
    coefficients = np.linalg.solve(r, q.T @ train.T)                    # 2 x m
    residuals = train.T - design @ coefficients
    se = np.sqrt(np.einsum("ij,ij->j", residuals, residuals) / (n - 2))
    future = np.column_stack([np.ones(h), np.arange(n + 1, n + h + 1, dtype=float)])
    forecast = (future @ coefficients).T                                # m x h
    gram_inverse = np.linalg.inv(r.T @ r)
    leverage = np.sqrt(1 + np.einsum("ij,jk,ik->i", future, gram_inverse, future))
    scale = np.mean(np.abs(np.diff(train, axis=1)), axis=1)
    error = np.abs(test - forecast)
    metrics = {"smape": float(np.mean(200 * error / (np.abs(test) + np.abs(forecast)))),
               "mase": float(np.mean(error.mean(axis=1)[scale > 0] / scale[scale > 0]))}
    for level in (80, 95):
        half = student_t.ppf(0.5 + level / 200, n - 2) * se[:, None] * leverage[None, :]
        metrics[f"coverage{level}"] = float(np.mean((test >= forecast - half) & (test <= forecast + half)))
    with open(arguments.output, "w") as out:
        out.write("measure,value\n" + "".join(f"{key},{value}\n" for key, value in metrics.items()))


def variance(arguments):
    import pandas as pd
    frame = pd.read_csv(arguments.file)
    latest = frame["year"].max()          # 2021/22 sorts as text the way fiscal years do
    rows = frame[frame["year"] == latest]
    variance = rows["budget"] - rows["actual"]
    pd.DataFrame({"Line": rows["line"], "Budget": rows["budget"], "Actual": rows["actual"], "Variance": variance,
                  "Variance %": 100 * variance / rows["budget"]}).to_csv(arguments.output, index=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(required=True)
    command = commands.add_parser("generate-series")
    command.add_argument("path")
    command.add_argument("--series", type=int, default=100_000)
    command.add_argument("--periods", type=int, default=24)
    command.set_defaults(run=generate_series)
    command = commands.add_parser("backtest-linear")
    command.add_argument("file")
    command.add_argument("--horizon", type=int, default=4)
    command.add_argument("--output", required=True)
    command.set_defaults(run=backtest_linear)
    command = commands.add_parser("variance")
    command.add_argument("file")
    command.add_argument("--output", required=True)
    command.set_defaults(run=variance)
    arguments = parser.parse_args()
    arguments.run(arguments)


if __name__ == "__main__":
    main()
