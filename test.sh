#!/usr/bin/env bash
# Builds and lints the Bicep templates, then runs every test project. Tests that need Blob Storage expect Azurite
# on 127.0.0.1:10000 (started by .ci/run, or: npx azurite --silent --location /tmp/azurite).
set -euo pipefail
cd "$(dirname "$0")"

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
