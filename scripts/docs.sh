#!/usr/bin/env bash
# Builds the DocC documentation of the two library modules (swift-docc-plugin) and fails on any
# DocC warning: a broken ``symbol`` link, an undocumented or misnamed parameter, a catalogue page
# that does not resolve. Run by `make docs` and by .ci/run.
# Output: .build/plugins/Swift-DocC/outputs/{OutturnNumerics,Outturn}.doccarchive (open with
# `swift package --disable-sandbox preview-documentation --target Outturn`, or serve the archive).
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
for target in OutturnNumerics Outturn; do
  if ! "$SWIFT" package --disable-sandbox generate-documentation --target "$target" >"$log" 2>&1; then
    cat "$log"
    echo "docs: generate-documentation --target $target failed" >&2
    exit 1
  fi
  # SwiftPM's note about a resource file of the ZIPFoundation dependency is not ours, nor DocC's.
  warnings=$(grep -E '(^|[[:space:]])warning:' "$log" | grep -vE "warning: '[a-z0-9_-]+': found [0-9]+ file\(s\) which are unhandled" || true)
  if [[ -n $warnings ]]; then
    # Print each warning with the source excerpt DocC shows under it.
    grep -vE "warning: '[a-z0-9_-]+': found [0-9]+ file\(s\) which are unhandled" "$log" | sed -n '/warning:/,/^$/p'
    echo "docs: $(printf '%s\n' "$warnings" | wc -l) DocC warning(s) in $target" >&2
    status=1
  else
    echo "docs: $target built without warnings: $(grep -o '/[^ ]*\.doccarchive' "$log" | tail -1)"
  fi
done
exit $status
