#!/usr/bin/env bash
# permcheck batch benchmark, one command from anywhere in the repository:  bash Benchmarks/run.sh
# Whole processes on the same generated tokens, alternating runs, ratios printed. Environment:
#   N (tokens for throughput, default 200000), ROUNDS (alternating rounds, default 3),
#   N_RSS (tokens for the memory run, default 1000000), STARTUP=1 to also time start-up (can-vs-version style).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-200000}"; ROUNDS="${ROUNDS:-3}"; N_RSS="${N_RSS:-1000000}"; STARTUP="${STARTUP:-0}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(swift --version 2>&1 | head -1)"
echo "== uptime at start: $(uptime)"
echo "== build (release)"
swift build -c release --product permcheck >/dev/null
bin="$(swift build -c release --show-bin-path)/permcheck"

echo "== reference scripts: throw-away venv with PyJWT"
python3 -m venv "$work/venv" && "$work/venv/bin/pip" -q install pyjwt

echo "== generate $N_RSS synthetic Entra access tokens (JSON Lines)"
python3 Benchmarks/generate-tokens.py "$N_RSS" > "$work/tokens-rss.jsonl"
head -n "$N" "$work/tokens-rss.jsonl" > "$work/tokens.jsonl"

python3 - "$bin" "$work" "$N" "$ROUNDS" "$N_RSS" "$work/venv/bin/python" <<'PY'
import os, subprocess, sys, time
binary, work, n, rounds, n_rss, venv_python = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
tokens = f"{work}/tokens.jsonl"
check = ["--api", "export-download", "--header", "X-AllowWithAADToken: true", "--at", "2026-11-03T09:30:00Z"]
rows = [
    ("permcheck brief --jobs 1", [binary, "batch", tokens, *check, "--jobs", "1"]),
    ("permcheck brief --jobs 2", [binary, "batch", tokens, *check, "--jobs", "2"]),
    ("permcheck --full --jobs 1", [binary, "batch", tokens, *check, "--full", "--jobs", "1"]),
    ("Python base64+json.loads", ["python3", "Benchmarks/reference_brief.py", "plain", tokens]),
    ("Python PyJWT", [venv_python, "Benchmarks/reference_brief.py", "pyjwt", tokens]),
]

def run(args, out="/dev/null"):
    """Wall seconds, CPU seconds (user+sys), peak RSS in KB, output lines of one whole process."""
    with open(out, "wb") as sink:
        start = time.perf_counter()
        process = subprocess.Popen(args, stdout=sink, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss

# The outputs agree line for line on the verdict (a sanity check that the rows do the same work).
for name, args in rows[:1] + rows[3:4]:
    run(args, out=f"{work}/{name.split()[0]}.out")
lines = [sum(1 for _ in open(f"{work}/{name}.out")) for name in ("permcheck", "Python")]
print(f"== output lines: permcheck {lines[0]}, Python {lines[1]} (of {n})")

times = {name: [] for name, _ in rows}
for r in range(rounds):
    for name, args in (rows if r % 2 == 0 else rows[::-1]):   # alternate the order so load drifts hit all rows alike
        times[name].append(run(args))
    print(f"   round {r + 1}/{rounds} done; load {os.getloadavg()[0]:.2f}", flush=True)

def median(values):
    values = sorted(values); return values[len(values) // 2]
print(f"== {n} tokens per run, {rounds} alternating rounds, median; tokens/s by wall clock and by CPU time (user+sys)")
result = {}
for name, _ in rows:
    wall = median([t[0] for t in times[name]]); cpu = median([t[1] for t in times[name]])
    result[name] = (n / wall, n / cpu if cpu > 0 else float("nan"))
    print(f"{name:28s} {n / wall:>10,.0f} tokens/s wall   {n / cpu:>10,.0f} tokens/s CPU   (wall {wall:.2f} s, CPU {cpu:.2f} s)")
b1, b2, full, plain, pyjwt = (result[name] for name, _ in rows)
print("== ratios (wall / CPU) and targets")
print(f"brief --jobs 1 vs plain Python : {b1[0] / plain[0]:5.2f}x / {b1[1] / plain[1]:5.2f}x   (target >= 4x)")
print(f"brief --jobs 1 vs PyJWT        : {b1[0] / pyjwt[0]:5.2f}x / {b1[1] / pyjwt[1]:5.2f}x   (target >= 10x)")
print(f"brief --jobs 2 vs --jobs 1     : {b2[0] / b1[0]:5.2f}x wall                (target >= 1.7x)")
print(f"brief --jobs 1                 : {b1[0]:,.0f} / {b1[1]:,.0f} tokens/s   (target >= 200,000)")
print(f"--full --jobs 1                : {full[0]:,.0f} / {full[1]:,.0f} tokens/s   (target >= 60,000)")
print(f"== peak RSS, {n_rss} tokens streamed (target < 50 MB)")
for name, extra in (("brief, default --jobs", []), ("--full --jobs 1", ["--full", "--jobs", "1"])):
    wall, cpu, rss = run([binary, "batch", f"{work}/tokens-rss.jsonl", *check, *extra])
    print(f"{name:28s} {rss / 1024:6.1f} MB   (wall {wall:.1f} s, {n_rss / wall:,.0f} tokens/s)")
print(f"== load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
PY

if [ "$STARTUP" = 1 ]; then
  echo "== start-up: see Benchmarks/can-vs-version.sh"
  bash Benchmarks/can-vs-version.sh 100
fi
