#!/usr/bin/env bash
# Installs what the report tests use to open reports as a person would (see docs/planner.md):
#   - Debian's chromium, to render the HTML report headless (screenshot, DOM);
#   - a Python venv at .venv-reports/ with openpyxl, to read the Excel workbook.
# Safe to run again: each step is skipped when already done. Needs root or sudo for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
SUDO=$( [ "$(id -u)" = 0 ] || echo sudo )
if ! command -v chromium >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
if ! .venv-reports/bin/python3 -c "import openpyxl" >/dev/null 2>&1; then
  python3 -m venv .venv-reports
  .venv-reports/bin/pip install -q --disable-pip-version-check "openpyxl==3.1.5"
fi
