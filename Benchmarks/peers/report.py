#!/usr/bin/env python3
"""Turns the JSON lines of one `make bench-peers` run into ONE Markdown table of ratios
(Outturn time ÷ peer time, < 1 means Outturn is faster) with each Outturn figure also shown as
a fraction of the machine's limit measured in the same run. Standard library only."""
import json
import re
import sys


def main(path):
    rows = [json.loads(line) for line in open(path) if line.strip().startswith("{")]
    machine = [row for row in rows if row["side"] == "machine"]
    outturn = {row["workload"]: row for row in rows if row["side"] == "outturn"}
    peer = {row["workload"]: row for row in rows if row["side"] == "peer"}

    bandwidth = max((row["read_gbs"] for row in machine if row["workload"] == "limit bandwidth"), default=None)
    system_dgemm = {row["threads"]: row for row in machine if row["workload"] == "limit dgemm system openblas"}
    numpy_dgemm = [row for row in rows if row["workload"] == "numpy dgemm 2000"]
    best_numpy_dgemm = max((row["gflops"] for row in numpy_dgemm), default=None)
    kernel = next((row["system"] for row in machine if row["workload"] == "limit openblas kernel"), "?")
    sizes = {row["file"]: row["bytes"] for row in machine if row["workload"] == "input size"}

    print("### Machine limits, measured in this run")
    print()
    for row in machine:
        if row["workload"] == "limit bandwidth":
            print(f"- memory bandwidth, {row['threads']} thread(s): read {row['read_gbs']:.1f} GB/s, triad {row['triad_gbs']:.1f} GB/s")
    for threads, row in sorted(system_dgemm.items()):
        print(f"- dgemm, system OpenBLAS (kernel {kernel}, what Outturn links), {threads} thread(s): "
              f"{row['gflops']:.1f} GFLOP/s square 2000, {row['gflops_simulation_shape']:.1f} GFLOP/s at 100000×1000×1000")
    for row in numpy_dgemm:
        blas = row.get("blas") or [{}]
        print(f"- dgemm, numpy's OpenBLAS {blas[0].get('version')} (kernel {blas[0].get('architecture')}), "
              f"{blas[0].get('num_threads')} thread(s): {row['gflops']:.1f} GFLOP/s square 2000")
    print()
    print("| workload | Outturn s | peer s | ratio Outturn ÷ peer | peer route | Outturn vs limit |")
    print("|---|---:|---:|---:|---|---|")
    for name, mine in outturn.items():
        theirs = peer.get(name)
        ratio = f"{mine['seconds'] / theirs['seconds']:.3f}" if theirs and theirs.get("seconds") else "—"
        limit = ""
        match = re.match(r"batch trend (\d+)x(\d+)", name)
        if match and bandwidth:
            floor = int(match.group(1)) * int(match.group(2)) * 8 / (bandwidth * 1e9)
            limit = f"bandwidth floor {floor * 1e3:.2f} ms → {floor / mine['seconds']:.0%} of limit"
        if name.startswith("simulation") and "flops" in mine:
            rate = mine["flops"] / mine["gemm_seconds"] / 1e9
            parts = [f"GEMM {rate:.1f} GFLOP/s"]
            system = max((row["gflops_simulation_shape"] for row in system_dgemm.values()), default=None)
            if system:
                parts.append(f"{rate / system:.0%} of system-OpenBLAS dgemm")
            if best_numpy_dgemm:
                parts.append(f"{rate / best_numpy_dgemm:.0%} of the machine's best dgemm")
            parts.append(f"whole draw {mine['flops'] / mine['seconds'] / 1e9:.1f} GFLOP/s")
            limit = "; ".join(parts)
        if name.endswith(" 1 worker") and name.startswith("batch trend") and bandwidth:
            match = re.match(r"batch trend (\d+)x(\d+)", name)
            floor = int(match.group(1)) * int(match.group(2)) * 8 / (bandwidth * 1e9)
            limit = f"one core; {floor / mine['seconds']:.0%} of bandwidth limit"
            base = peer.get(f"batch trend {match.group(1)}x{match.group(2)}")
            if base:
                ratio = f"{mine['seconds'] / base['seconds']:.3f}"
                theirs = base
        if name.startswith("auto"):
            limit = f"{mine['series_per_second']:.0f} series/s; sMAPE {mine['smape']:.2f}, MASE {mine['mase']:.3f}, cov80 {mine['cov80']:.1%}, cov95 {mine['cov95']:.1%}"
            if theirs:
                limit += f" (peer {theirs['series_per_second']:.0f} series/s; sMAPE {theirs['smape']:.2f}, MASE {theirs['mase']:.3f}, cov80 {theirs['cov80']:.1%}, cov95 {theirs['cov95']:.1%})"
        if mine.get("peak_rss_bytes"):
            size = None
            if name.startswith("forecast ledger "):
                size = sizes.get(f"ledger-{name.split()[2]}.csv")
            elif name.startswith("backtest"):
                size = next((bytes_ for file, bytes_ in sizes.items() if file.startswith("series")), None)
            limit = f"peak RSS {mine['peak_rss_bytes'] / 1e6:.0f} MB"
            if size:
                limit += f" = {mine['peak_rss_bytes'] / size:.1f}× input ({size / 1e6:.1f} MB)"
            if theirs and theirs.get("peak_rss_bytes"):
                limit += f"; peer peak RSS {theirs['peak_rss_bytes'] / 1e6:.0f} MB"
            if mine.get("exit") == 124:
                limit += "; DID NOT FINISH within the time limit (killed)"
            elif mine.get("exit") in (134, 137, 139, 132, 133):
                limit += f"; CRASHED (exit status {mine['exit']}: out of memory or trap)"
            elif mine.get("exit"):
                limit += f"; exit status {mine['exit']}"
        route = theirs.get("route", "") if theirs else "(no peer)"
        peer_seconds = f"{theirs['seconds']:.4g}" if theirs else "—"
        print(f"| {name} | {mine['seconds']:.4g} | {peer_seconds} | {ratio} | {route} | {limit} |")
    for row in machine:
        if row["workload"] == "backtest accuracy":
            print()
            print(f"Backtest accuracy (same held-out points): Outturn auto {row['outturn']}; peer AutoETS {row['peer']}")
    print()
    print("Ratio < 1: Outturn is faster (3× faster = 0.333). Bandwidth floor = bytes of the series matrix ÷ best read bandwidth.")


if __name__ == "__main__":
    main(sys.argv[1])
