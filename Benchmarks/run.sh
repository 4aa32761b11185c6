#!/usr/bin/env bash
# permcheck benchmark: one command, from the repository root or anywhere:  bash Benchmarks/run.sh
# Environment: N (tokens for throughput, default 200000), N_RSS (tokens for the memory run, default 1000000),
# RUNS (start-up repetitions, default 50), STATIC=0 to skip the --static-swift-stdlib build.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-200000}"; N_RSS="${N_RSS:-1000000}"; RUNS="${RUNS:-50}"; STATIC="${STATIC:-1}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(swift --version 2>&1 | head -1)"
if [ ! -x /usr/bin/time ]; then (sudo -n apt-get install -y time || apt-get install -y time) >/dev/null; fi

echo "== build (release)"
swift build -c release --product permcheck >/dev/null
bin="$(swift build -c release --show-bin-path)/permcheck"

echo "== generate $N_RSS synthetic Entra access tokens (JSON Lines)"
python3 Benchmarks/generate-tokens.py "$N_RSS" > "$work/tokens-rss.jsonl"
head -n "$N" "$work/tokens-rss.jsonl" > "$work/tokens.jsonl"
check=(--api export-download --header 'X-AllowWithAADToken: true' --at 2026-11-03T09:30:00Z)

rate() { # rate LINES COMMAND… → tokens/s (wall clock)
  local lines="$1"; shift
  local start end; start=$(date +%s.%N); "$@" >/dev/null || true; end=$(date +%s.%N)
  python3 -c "print(f'{$lines / ($end - $start):.0f}')"
}
echo "== batch throughput, $N tokens, decode + check of one API (tokens/s)"
echo "permcheck batch --jobs 1 : $(rate "$N" "$bin" batch "$work/tokens.jsonl" "${check[@]}")"
echo "permcheck batch --jobs 2 : $(rate "$N" "$bin" batch "$work/tokens.jsonl" "${check[@]}" --jobs 2)"

echo "== reference rows, same tokens, same audience + scope check (tokens/s)"
if [ ! -x "$work/venv/bin/python" ]; then python3 -m venv "$work/venv" && "$work/venv/bin/pip" -q install pyjwt; fi
echo "PyJWT decode (verify_signature False): $("$work/venv/bin/python" Benchmarks/pyjwt_reference.py pyjwt "$work/tokens.jsonl")"
echo "Python base64 + json.loads           : $(python3 Benchmarks/pyjwt_reference.py plain "$work/tokens.jsonl")"

echo "== peak memory, $N_RSS tokens streamed (target < 50 MB)"
/usr/bin/time -v "$bin" batch "$work/tokens-rss.jsonl" "${check[@]}" 2>"$work/time.txt" >/dev/null || true
grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$work/time.txt"

startup() { # startup BINARY → mean ms over RUNS runs of --version and of one check
  local b="$1"
  python3 - "$b" "$RUNS" <<'PY'
import subprocess, sys, time
binary, runs = sys.argv[1], int(sys.argv[2])
def mean(args):
    best = []
    for _ in range(runs):
        t = time.perf_counter(); subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); best.append(time.perf_counter() - t)
    best.sort(); return sum(best[: runs // 2]) / (runs // 2) * 1000   # mean of the faster half: less noise from other load
version = mean([binary, "--version"])
check = mean([binary, "fixtures/tokens/manager-graph.jwt", "--api", "export-download", "--case", "Contoso Litigation",
              "--case-members", "fixtures/evidence/case-members.json", "--role-groups", "fixtures/evidence/role-groups.json",
              "--at", "2026-11-03T09:30:00Z"])
print(f"--version {version:.2f} ms, single check {check:.2f} ms, ratio {check / version:.2f} (target <= 1.2)")
PY
}
echo "== start-up and single-check latency (mean of the faster half of $RUNS runs)"
echo "release          : $(startup "$bin")"
if [ "$STATIC" = 1 ]; then
  swift build -c release --product permcheck --static-swift-stdlib --scratch-path .build-static >/dev/null
  static="$(swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)/permcheck"
  cp "$static" "$work/permcheck-static"
  echo "static (copied to $work, outside the repository): $(cd "$work" && cp -r "$OLDPWD/fixtures" . && startup "$work/permcheck-static")"
  echo "static binary: $(du -h "$static" | cut -f1), dynamic deps: $(ldd "$static" | awk '{print $1}' | tr '\n' ' ')"
fi
