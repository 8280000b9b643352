#!/usr/bin/env bash
# Builds and lints the Bicep templates, then runs every test project, on a fresh machine as on a developer's.
# - Installs what is missing when it can: Node.js and npm (for Azurite) and Chromium (for the browser tests) from
#   Debian's packages when run as root, else stops at once with the one command to run; the pinned Azurite with npm ci.
# - Starts its own Azurite on ports the system picks, with a fresh data folder, whatever else listens on 10000, hands
#   its account to the tests in SWEEP_TEST_STORAGE (a full connection string), and stops it on exit.
set -euo pipefail
cd "$(dirname "$0")"

command -v dotnet >/dev/null 2>&1 || { echo "test.sh needs the .NET 10 SDK (global.json): install it, then run ./test.sh again." >&2; exit 1; }

chromium=${SWEEP_TEST_CHROMIUM:-/usr/bin/chromium}
missing=()
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ -n "${SWEEP_TEST_CHROMIUM:-}" ] || [ -x "$chromium" ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} from Debian's packages." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "test.sh needs ${missing[*]}. Run: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
[ -x "$chromium" ] || { echo "SWEEP_TEST_CHROMIUM is $chromium, which is not an executable: point it at a Chromium or Chrome." >&2; exit 1; }

# The Azurite that package.json pins (a fresh clone has none; an older one is replaced).
wanted=$(node -p 'require("./package.json").dependencies.azurite')
if [ "$(node -p 'try { require("./node_modules/azurite/package.json").version } catch { "" }')" != "$wanted" ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

# Port 0 for each service: the system gives free ports, and Azurite prints the ones it got.
azurite_data=$(mktemp -d)
log="$azurite_data/azurite.log"
# Started directly (not through npx), so that the pid below is Azurite's own and the trap really stops it.
node_modules/.bin/azurite --silent --disableTelemetry --location "$azurite_data" --skipApiVersionCheck --loose \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 --blobPort 0 --queuePort 0 --tablePort 0 >"$log" 2>&1 &
azurite_pid=$!
trap 'status=$?; kill "$azurite_pid" 2>/dev/null || true; wait "$azurite_pid" 2>/dev/null || true; rm -rf "$azurite_data" || true; exit "$status"' EXIT

endpoint() { sed -n "s|^Azurite $1 service is successfully listening at \(http://127\.0\.0\.1:[0-9]*\)$|\1|p" "$log"; }
for _ in $(seq 1 120); do
  [ -n "$(endpoint Table)" ] && break
  kill -0 "$azurite_pid" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$(endpoint Blob)" ] || [ -z "$(endpoint Queue)" ] || [ -z "$(endpoint Table)" ]; then
  echo "Azurite did not start:" >&2
  cat "$log" >&2
  exit 1
fi
# Azurite's published development account and key (the same in every Azurite).
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export SWEEP_TEST_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=$(endpoint Blob)/devstoreaccount1;QueueEndpoint=$(endpoint Queue)/devstoreaccount1;TableEndpoint=$(endpoint Table)/devstoreaccount1;"
echo "Azurite for this run: blob $(endpoint Blob), queue $(endpoint Queue), table $(endpoint Table)"

dotnet build infra/Infra.proj -nologo -v quiet
dotnet build SweepFunctions.sln -c Release -nologo -v quiet

results=$(mktemp)
status=0
dotnet test SweepFunctions.sln -c Release --no-build -nologo 2>&1 | tee "$results" || status=$?

# One closing line for the whole run, summed over the test projects' own summaries.
awk '/(Passed|Failed)! +-/ {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) }
     }
     END { printf "%d passed, %d failed\n", p, f }' "$results"
rm -f "$results"
exit "$status"
