#!/usr/bin/env bash
# Runs every scenario (baseline, service on SQLite, on PostgreSQL, three nodes on PostgreSQL) and prints the table.
# Arguments are passed on, e.g. bench/run.sh --items 1000 --baseline-items 5000
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Syndicator.Bench -c Release --nologo -v quiet
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bench/Syndicator.Bench/bin/Release/net10.0/syndicator-bench.dll all "$@" 2> >(grep -v '^info: ' >&2)
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
