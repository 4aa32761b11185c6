#!/usr/bin/env bash
# Evidence at the documented limits (issue 15.9): 100 000 case members x 100 000 role groups.
# Generates the files into a temporary directory, builds permcheck in release mode and times one check for a principal
# who is in none of them (the worst case: every case member that is a role group is looked up, every group is searched).
# Usage: Benchmarks/evidence-scale.sh [ENTRIES]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
entries="${1:-100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$work" "$entries" <<'PY'
import json, sys
work, n = sys.argv[1], int(sys.argv[2])
half = n // 2
members = [{"Name": f"user{i:06d}", "WindowsLiveID": f"user{i:06d}@contoso-gcc.example", "RecipientType": "UserMailbox"} for i in range(half)]
members += [{"Name": f"RoleGroup{i:06d}", "DisplayName": f"Role Group {i:06d}", "RecipientType": "RoleGroup"} for i in range(n - half)]
groups = [{"Name": f"RoleGroup{i:06d}", "DisplayName": f"Role Group {i:06d}", "RoleGroupType": "Standard",
           "Roles": ["Review", "Export"] if i % 2 else ["Review"], "Members": [f"member{i:06d}"]} for i in range(n)]
json.dump({"case": "Contoso Litigation", "members": members}, open(f"{work}/case-members.json", "w"), separators=(",", ":"))
json.dump(groups, open(f"{work}/role-groups.json", "w"), separators=(",", ":"))
json.dump([], open(f"{work}/case-admins.json", "w"))
PY
ls -l "$work"/*.json | awk '{print $5, $9}'
swift build -c release --product permcheck >/dev/null
bin="$(swift build -c release --show-bin-path)/permcheck"
args=(fixtures/tokens/manager-not-member.jwt --api export-download --case "Contoso Litigation"
      --case-members "$work/case-members.json" --role-groups "$work/role-groups.json" --case-admins "$work/case-admins.json"
      --header "X-AllowWithAADToken: true" --at 2026-11-03T09:30:00Z)
for run in 1 2 3; do
  start=$(date +%s%N)
  set +e; "$bin" "${args[@]}" >/dev/null; code=$?; set -e
  end=$(date +%s%N)
  echo "run $run: exit $code, $(( (end - start) / 1000000 )) ms"
done
