#!/usr/bin/env bash
# Racing against the plain tiers, stage by stage: how many of the plain run's top k (k = the last tier's size) racing
# keeps in its own last tier, whether it keeps the plain winner and picks the same one, and the evaluations it saves. Each stage runs twice (plain, then --racing) as a one-stage
# sweep from the scenario's defaults. Usage:
#   bench/racing/topk.sh [--sweep "dotnet path/to/sweep.dll"] [--periods N] [--workers N] [--scenario S] [--extra "flags"] STAGE...
# Prints one line per stage and a total. Counts only: they do not depend on the machine's load.
set -euo pipefail
sweep="dotnet run -c Release --project $(dirname "$0")/../../src/SweepCli --"
periods=200; workers=2; scenario=baseline; extra=""
while [[ $# -gt 0 && $1 == --* ]]; do
  case $1 in
    --sweep) sweep=$2; shift 2;;
    --periods) periods=$2; shift 2;;
    --workers) workers=$2; shift 2;;
    --scenario) scenario=$2; shift 2;;
    --extra) extra=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
total_plain=0; total_raced=0; total_kept=0; total_k=0
for stage in "$@"; do
  for mode in plain raced; do
    flags=""; [[ $mode == raced ]] && flags="--racing $extra"
    # shellcheck disable=SC2086
    $sweep run --scenario "$scenario" --stages "$stage" --periods "$periods" --workers "$workers" $flags \
      --output "$work/$mode" --quiet >/dev/null
  done
  read -r kept k plain raced winner_kept same_winner < <(python3 - "$work/plain/${scenario}_sweep_report.json" "$work/raced/${scenario}_sweep_report.json" <<'PY'
import json, sys
def top(path):
    stage = json.load(open(path))["stages"][0]
    ranked = sorted((c for c in stage["candidates"] if c.get("finalRank")), key=lambda c: c["finalRank"])
    return ranked, stage["result"]["evaluationsRequested"]
plain, plain_evals = top(sys.argv[1])
raced, raced_evals = top(sys.argv[2])
k = int(json.load(open(sys.argv[1]))["stabilityTiers"].split(",")[-1].split(":")[0])
kept = len({c["index"] for c in plain[:k]} & {c["index"] for c in raced})
winner_kept = "yes" if plain[0]["index"] in {c["index"] for c in raced} else "no"
same_winner = "yes" if plain[0]["index"] == raced[0]["index"] else "no"
print(kept, k, plain_evals, raced_evals, winner_kept, same_winner)
PY
)
  echo "$stage: racing kept $kept of the plain top $k (the plain winner: $winner_kept; the same winner: $same_winner); evaluations $raced raced against $plain plain (saved $((plain - raced)))"
  total_plain=$((total_plain + plain)); total_raced=$((total_raced + raced)); total_kept=$((total_kept + kept)); total_k=$((total_k + k))
done
echo "total: kept $total_kept of $total_k; evaluations $total_raced raced against $total_plain plain (saved $((total_plain - total_raced)))"
