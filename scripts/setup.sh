#!/usr/bin/env bash
# Installs what the project needs on a Debian/Ubuntu machine that has Node and npm:
#   - npm dependencies (including Node 24 itself, as the `node` dev dependency) when missing or stale;
#   - the OS services for the given purpose, from Debian's packages, when missing:
#       demo: redis-server
#       test: redis-server, postgresql, prometheus (for promtool and the end-to-end check), and
#             podman, buildah, debootstrap, runc, catatonit, slirp4netns (the image is built and
#             the chart's pods run by test/deploy/chart-pods.podman.test.ts)
#       bench: redis-server, and the benchmark's own npm dependencies in bench/node_modules (Crawlee)
#   - the TypeScript build in dist/.
# Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

purpose="${1:-demo}"
say() { printf 'setup: %s\n' "$*" >&2; }

# --- npm dependencies -------------------------------------------------------------------------
stamp=node_modules/.setup-stamp
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -x node_modules/.bin/node ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  say "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > "$stamp"
fi
node_bin="$PWD/node_modules/.bin/node"
case "$("$node_bin" --version)" in
  v24.*) ;;
  *) say "node_modules/.bin/node is not Node 24 ($("$node_bin" --version)); remove node_modules and run again"; exit 1 ;;
esac

if [ "$purpose" = bench ]; then
  bench_stamp=bench/node_modules/.setup-stamp
  bench_sum=$(sha256sum bench/package-lock.json | cut -d' ' -f1)
  if [ ! -f "$bench_stamp" ] || [ "$(cat "$bench_stamp")" != "$bench_sum" ]; then
    say "installing the benchmark's npm dependencies (npm ci in bench/)"
    npm ci --prefix bench --no-audit --no-fund --loglevel=error
    echo "$bench_sum" > "$bench_stamp"
  fi
fi

# --- OS packages ------------------------------------------------------------------------------
have_postgres() { ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; }
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ "$purpose" = test ]; then
  have_postgres || missing+=(postgresql)
  command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
  for tool in podman buildah debootstrap runc catatonit slirp4netns; do
    command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/libexec/podman/$tool" ] || missing+=("$tool")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "installing OS packages: ${missing[*]}"
  sudo=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo=(sudo -n); else
      say "need root (or sudo) to install ${missing[*]}; install them and run again"; exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  # The packages' own services are not wanted: the project starts its servers itself on loopback.
  made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee /usr/sbin/policy-rc.d >/dev/null
    "${sudo[@]}" chmod +x /usr/sbin/policy-rc.d
    made_policy=1
  fi
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  if [ "$made_policy" = 1 ]; then "${sudo[@]}" rm -f /usr/sbin/policy-rc.d; fi
fi

# --- build ------------------------------------------------------------------------------------
"$node_bin" node_modules/.bin/tsc -p tsconfig.build.json
chmod +x dist/cli/main.js
