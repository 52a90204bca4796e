#!/usr/bin/env bash
# What the Dockerfile does, without a Docker engine: `dotnet publish` the host, start the published binary and
# wait until it answers /health/live. Exit 0 when it does.
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet publish src/Syndicator.Host -c Release -r linux-x64 --self-contained false -o "$work/app" -nologo -v quiet

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
# The default profile needs channel credentials to start; --sandbox supplies the sandbox's (none needs to run).
"$work/app/syndicator" serve --urls "http://127.0.0.1:$port" --data "$work/data" --sandbox "http://127.0.0.1:9" \
  >"$work/serve.log" 2>&1 &
pid=$!

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/health/live" >/dev/null 2>&1 && curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then
    echo "published binary answers /health/live and /health/ready on port $port"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 0.5
done
echo "published binary did not become healthy; its output:" >&2
cat "$work/serve.log" >&2
exit 1
