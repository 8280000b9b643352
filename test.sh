#!/usr/bin/env bash
# Builds and lints the Bicep templates, then runs every test project. Tests that need Blob Storage use Azurite on
# 127.0.0.1:10000: when nothing listens there, this script starts the pinned Azurite (package.json) itself.
# The browser tests (tests/SweepDashboard.Tests) need Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium).
set -euo pipefail
cd "$(dirname "$0")"

listening() { (exec 3<>/dev/tcp/127.0.0.1/10000) 2>/dev/null; }
if ! listening; then
  [ -d node_modules/azurite ] || npm ci --no-audit --no-fund --loglevel=error
  azurite_data=$(mktemp -d)
  # Started directly (not through npx), so that the pid below is Azurite's own and the trap really stops it.
  node_modules/.bin/azurite --silent --disableTelemetry --location "$azurite_data" --skipApiVersionCheck --loose \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >"$azurite_data/azurite.log" 2>&1 &
  azurite_pid=$!
  trap 'status=$?; kill "$azurite_pid" 2>/dev/null || true; wait "$azurite_pid" 2>/dev/null || true; rm -rf "$azurite_data" || true; exit "$status"' EXIT
  for _ in $(seq 1 60); do listening && break; sleep 1; done
fi

dotnet build infra/Infra.proj -nologo -v quiet
dotnet build SweepFunctions.sln -c Release -nologo -v quiet

log=$(mktemp)
status=0
dotnet test SweepFunctions.sln -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test projects' own summaries.
awk '/(Passed|Failed)! +-/ {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) }
     }
     END { printf "%d passed, %d failed\n", p, f }' "$log"
rm -f "$log"
exit "$status"
