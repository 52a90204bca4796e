#!/usr/bin/env bash
# Builds the solution and runs every test project, then prints one line summed over all of them:
#   N passed, N failed, N skipped
# Exit code: 0 when the build succeeded and no test failed.
set -uo pipefail
cd "$(dirname "$0")/.."

# The console's browser tests drive Debian's chromium (tests/Syndicator.Console.Tests); install it when missing.
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "installing chromium for the console's browser tests" >&2
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } >/dev/null \
      || echo "could not install chromium: the browser tests will fail" >&2
  else
    echo "/usr/bin/chromium is missing and we are not root: install chromium, or the browser tests will fail" >&2
  fi
fi

# The notice board's PDFs are set in two TrueType fonts (tests/Syndicator.Channels.NoticeBoard.Tests); install them when missing.
if [ ! -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "installing fonts-droid-fallback and fonts-dejavu-core for the notice board's tests" >&2
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-droid-fallback fonts-dejavu-core; } >/dev/null \
      || echo "could not install the fonts: the notice board's tests will fail" >&2
  else
    echo "the notice board's fonts are missing and we are not root: install fonts-droid-fallback and fonts-dejavu-core, or its tests will fail" >&2
  fi
fi

# docs/events.md's Java verifier is compiled and run by the webhook tests (tests/Syndicator.Channels.Webhook.Tests); install a JDK when missing.
if ! command -v javac >/dev/null || ! command -v java >/dev/null; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "installing default-jdk-headless for the event verification tests" >&2
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q default-jdk-headless; } >/dev/null \
      || echo "could not install a JDK: the Java verification tests will fail" >&2
  else
    echo "javac is missing and we are not root: install a JDK (default-jdk-headless), or the Java verification tests will fail" >&2
  fi
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

if ! dotnet build Syndicator.sln -c Release -nologo -v quiet; then
  echo "build failed" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

dotnet test Syndicator.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
rc=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx")"
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done

if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited $rc without a failing test: a test host crashed or a project did not run" >&2
  failed=1
fi

echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
