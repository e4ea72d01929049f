#!/usr/bin/env bash
# Seasonal accuracy on the four seasonal competition files (docs/forecasting.md, "Seasonal files"):
# release build, then `planner backtest` with the competitions' horizons and season lengths.
# Too slow for the unit tests (seasonal ETS on ~1,600 series); run by hand after changing the
# seasonal methods. Usage: scripts/seasonal-accuracy.sh [METHODS]   (default snaive,stheta,ets,auto)
set -euo pipefail
cd "$(dirname "$0")/.."
methods="${1:-snaive,stheta,ets,auto}"
swift build -c release --product planner >/dev/null
planner="$(swift build -c release --show-bin-path)/planner"
for spec in tourism-quarterly:8:4 tourism-monthly:24:12 m1-quarterly:8:4 m1-monthly:18:12; do
  IFS=: read -r file horizon season <<<"$spec"
  echo "== $file (h = $horizon, m = $season)"
  "$planner" backtest "datasets/competition/$file.csv" --horizon "$horizon" --season-length "$season" --method "$methods"
done
