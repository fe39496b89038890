#!/bin/sh
# Makes sure the Debian Chromium the end-to-end tests drive (/usr/bin/chromium) is installed.
# playwright-core ships no browser, and the Playwright CDN is not reachable from CI, so we use
# the distribution package. A no-op when it is already there, so `npm test` stays fast.
set -eu

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

# apt-get needs root; use sudo only when we are not root and sudo exists.
if [ "$(id -u)" -eq 0 ]; then
  AS_ROOT=""
elif command -v sudo >/dev/null 2>&1; then
  AS_ROOT="sudo"
else
  echo "ensure-chromium: $CHROMIUM is missing and we are neither root nor have sudo." >&2
  echo "ensure-chromium: install it yourself: apt-get install -y chromium" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing and apt-get is not available on this system." >&2
  echo "ensure-chromium: install Chromium so that $CHROMIUM exists, then run the tests again." >&2
  exit 1
fi

echo "ensure-chromium: installing chromium (needed by tests/e2e)…" >&2
export DEBIAN_FRONTEND=noninteractive
# The package lists may be missing or stale in a fresh container: refresh them only when the
# first attempt fails, so a warm machine does not pay for an update.
if ! $AS_ROOT apt-get install -y --no-install-recommends chromium >&2; then
  $AS_ROOT apt-get update >&2 || true
  if ! $AS_ROOT apt-get install -y --no-install-recommends chromium >&2; then
    echo "ensure-chromium: could not install chromium with apt-get; see the output above." >&2
    exit 1
  fi
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: chromium was installed but $CHROMIUM does not exist." >&2
  exit 1
fi
echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo chromium) ready." >&2
