#!/usr/bin/env bash
# The benchmark in one command: the anchors' workload (4 webhook channels against a loopback stub, with the raw
# HttpClient limit in the same run), the real connectors against the sandbox, and the backlog. Progress goes to
# standard error; the three tables (each figure beside its target, pass/miss) with the date, the cores and the load
# average go to standard output at the end.
#   bench/run.sh                 2,000 items per throughput run, 200 paced, a 100,000-item backlog (at most ~22 minutes)
#   bench/run.sh --quick         300 items, 100 paced, a 10,000-item backlog (a few minutes)
#   bench/run.sh all [...]       the older table: baseline, SQLite, PostgreSQL, three PostgreSQL nodes
# Exit status: 0 all ran (targets may be missed: see the tables), 1 a run was not exactly once or failed,
# 3 a wait passed its deadline (what it waited for is printed).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Syndicator.Bench -c Release --nologo -v quiet
bench=(dotnet bench/Syndicator.Bench/bin/Release/net10.0/syndicator-bench.dll)
if [ "${1:-}" = "all" ]; then
  shift
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  "${bench[@]}" all "$@" 2> >(grep --line-buffered -v '^info: \|^      ' >&2)
  echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
else
  "${bench[@]}" suite "$@" 2> >(grep --line-buffered -v '^info: \|^      ' >&2)
fi
