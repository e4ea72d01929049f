#!/usr/bin/env bash
# Counts the declarations each library module exports: lines of Sources/<module>/ whose code (not a
# comment) carries the `public` modifier (a type, member, initializer or `public extension`), and,
# for comparison, those carrying `package` (seen by the planner, the tests and the tools of this
# package only). Usage: scripts/public-surface.sh [--list] [MODULE…] (default: OutturnNumerics Outturn);
# --list prints each public declaration as FILE:LINE.
set -euo pipefail
cd "$(dirname "$0")/.."
list=false
if [[ ${1:-} == --list ]]; then list=true; shift; fi
modules=("$@")
[[ ${#modules[@]} -gt 0 ]] || modules=(OutturnNumerics Outturn)
# A modifier at the start of the code or after an attribute/another modifier; comment lines skipped.
declarations() { grep -rnE --include='*.swift' "^[[:space:]]*([@a-zA-Z_()]+[[:space:]]+)*$1[[:space:]]" "Sources/$2" |
                 grep -vE '^[^:]+:[0-9]+:[[:space:]]*//' || true; }
printf '%-18s %7s %8s\n' module public package
total_public=0
for module in "${modules[@]}"; do
  [[ -d Sources/$module ]] || { echo "no module Sources/$module" >&2; exit 64; }
  public=$(declarations public "$module" | wc -l)
  package=$(declarations package "$module" | wc -l)
  printf '%-18s %7d %8d\n' "$module" "$public" "$package"
  total_public=$((total_public + public))
  if $list; then declarations public "$module" | cut -d: -f1,2; fi
done
printf '%-18s %7d\n' total "$total_public"
