#!/usr/bin/env bash
# Times loading and matching the embedded Graph catalogue (release, -O). Prints figures; asserts nothing.
# Builds Benchmarks/graph-catalog/main.swift with all of Sources/PermcheckCore in one swiftc call (about a minute),
# so the harness sees internal API, as scripts/fuzz does.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/benchmarks
binary=$out/graph-catalog
mkdir -p "$out"
if [ ! -x "$binary" ] || [ -n "$(find Sources/PermcheckCore Benchmarks/graph-catalog -name '*.swift' -newer "$binary" | head -1)" ]; then
  echo "== building $binary (swiftc -O)"
  find Sources/PermcheckCore -name '*.swift' -print0 | LC_ALL=C sort -z | xargs -0 \
    swiftc -parse-as-library -O -swift-version 6 -module-name PermcheckBench Benchmarks/graph-catalog/main.swift -o "$binary"
fi
"$binary"
