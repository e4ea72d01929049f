#!/usr/bin/env python3
"""Rewrites every fenced `$ planner …` block in README.md and docs/planner.md with what the built
binary prints (the test "the README and docs/planner.md show exactly what the binary prints" checks
them). Usage: scripts/refresh-doc-examples.py [PATH-TO-PLANNER] (default .build/debug/planner).
Review the diff: the prose around a block may need to change with it."""
import os
import subprocess
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
planner = sys.argv[1] if len(sys.argv) > 1 else str(root / ".build/debug/planner")
for name in ["README.md", "docs/planner.md"]:
    path = root / name
    parts = path.read_text().split("```")
    for i in range(1, len(parts), 2):
        lines = parts[i].split("\n")
        if len(lines) < 2 or not lines[1].startswith("$ planner"):
            continue
        args = lines[1][len("$ planner"):].split()
        # The run date the tests fix (PlannerProcess), so the footer's date matches.
        env = {**os.environ, "OUTTURN_RUN_DATE": "2026-11-30"}
        out = subprocess.run([planner, *args], capture_output=True, text=True, cwd=root, env=env).stdout
        parts[i] = "\n".join([lines[0], lines[1]]) + "\n" + out
    path.write_text("```".join(parts))
