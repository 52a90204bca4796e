#!/usr/bin/env bash
# The benchmark in one command: the service against the raw limit at 0 ms and at 20 ms platform latency, at an
# offered rate, and its memory with a backlog. Prints markdown tables with the date and the machine's load.
#   bench/run.sh                 2,000 items per throughput run, a 100,000-item backlog
#   bench/run.sh --quick         500 items, a 10,000-item backlog (a few minutes)
#   bench/run.sh all [...]       the older table: baseline, SQLite, PostgreSQL, three PostgreSQL nodes
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Syndicator.Bench -c Release --nologo -v quiet
bench=(dotnet bench/Syndicator.Bench/bin/Release/net10.0/syndicator-bench.dll)
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${1:-}" = "all" ]; then
  shift
  "${bench[@]}" all "$@" 2> >(grep -v '^info: ' >&2)
else
  items=2000; backlog=100000
  if [ "${1:-}" = "--quick" ]; then items=500; backlog=10000; fi
  "${bench[@]}" compare --items "$items" 2> >(grep -v '^info: ' >&2)
  echo "load average after the comparison: $(cut -d' ' -f1-3 /proc/loadavg)"
  "${bench[@]}" backlog --items "$backlog" 2> >(grep -v '^info: ' >&2)
fi
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
