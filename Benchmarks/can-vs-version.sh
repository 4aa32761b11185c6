#!/usr/bin/env bash
# Times `permcheck can <token> "GET …/users/{id}/messages"` against `permcheck --version` in the same run and
# prints both means and their ratio (goal: can ≤ 1.2 × --version). See Benchmarks/README.md.
# Usage: Benchmarks/can-vs-version.sh [RUNS]   (default 200; uses hyperfine when it is installed)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
swift build -c release --product permcheck >/dev/null
bin=$(swift build -c release --show-bin-path)/permcheck
token=fixtures/tokens/app-graph-export.jwt
request="GET https://graph.microsoft.com/v1.0/users/{id}/messages"
can=("$bin" can "$token" "$request" --at 2026-11-03T09:30:00Z)
version=("$bin" --version)

"${can[@]}" >/dev/null || [ $? -eq 1 ]   # warm the page cache; exit 1 (denied) is expected

if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 10 --runs "$runs" -i --export-json /tmp/permcheck-bench.json \
    "${version[*]}" "$bin can $token '$request' --at 2026-11-03T09:30:00Z" >/dev/null
  read -r v c < <(python3 -c 'import json;r=json.load(open("/tmp/permcheck-bench.json"))["results"];print(r[0]["mean"]*1e6, r[1]["mean"]*1e6)')
else
  mean_us() { # mean wall time in µs of running "$@" $runs times, interleaving is done by the caller
    local start end
    start=$(date +%s%N)
    for ((i = 0; i < runs; i++)); do "$@" >/dev/null 2>&1 || true; done
    end=$(date +%s%N)
    echo $(((end - start) / runs / 1000))
  }
  # Alternate the two in 4 rounds so machine load affects both alike.
  v=0; c=0; rounds=4; per=$((runs / rounds))
  saved=$runs; runs=$per
  for ((r = 0; r < rounds; r++)); do
    v=$((v + $(mean_us "${version[@]}"))); c=$((c + $(mean_us "${can[@]}")))
  done
  runs=$saved; v=$((v / rounds)); c=$((c / rounds))
fi
awk -v v="$v" -v c="$c" -v n="$runs" 'BEGIN {
  printf "permcheck --version          mean %8.0f µs  (%d runs)\n", v, n
  printf "permcheck can TOKEN \"GET …\"  mean %8.0f µs  (%d runs)\n", c, n
  printf "ratio can / --version        %.2f× (goal ≤ 1.20×)\n", c / v
}'
