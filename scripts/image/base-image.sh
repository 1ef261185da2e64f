#!/usr/bin/env bash
# Prints the name of a Node 24 base image for the Dockerfile's NODE_IMAGE build argument, making
# it first when needed:
#   1. node:24-bookworm-slim from its registry, when a registry answers (the image the Dockerfile
#      names by default);
#   2. otherwise a local image equal to it in what the Dockerfile uses: Debian bookworm from
#      `debootstrap --variant=minbase`, the Node 24 binary of the project's `node` dev dependency
#      in /usr/local/bin, npm from the npm registry in /usr/local/lib/node_modules/npm, and the
#      user `node` (uid 1000). Imported with `podman import` as
#      localhost/nba-scraper-node-base:<node version>-bookworm and kept in podman's image store,
#      so a machine makes it once (about 2 minutes) and later runs reuse it.
#
# Usage: bash scripts/image/base-image.sh         (root: debootstrap and rootful podman)
# Environment: NODE_BASE_PULL=0 skips the pull attempt; DEBIAN_MIRROR (default deb.debian.org).
set -euo pipefail
cd "$(dirname "$0")/../.."
say() { printf 'base-image: %s\n' "$*" >&2; }

node_bin="$PWD/node_modules/node/bin/node"
[ -x "$node_bin" ] || { say "no $node_bin: run 'npm ci' first"; exit 2; }
node_version=$("$node_bin" --version) # v24.x.y
case "$node_version" in v24.*) ;; *) say "node_modules/node is $node_version, not Node 24"; exit 2 ;; esac

upstream=docker.io/library/node:24-bookworm-slim
local_name="localhost/nba-scraper-node-base:${node_version#v}-bookworm"

if podman image exists "$upstream"; then echo "$upstream"; exit 0; fi
if podman image exists "$local_name"; then echo "$local_name"; exit 0; fi
if [ "${NODE_BASE_PULL:-1}" != 0 ] && timeout 30 podman pull -q "$upstream" >/dev/null 2>&1; then
  say "pulled $upstream"
  echo "$upstream"
  exit 0
fi

say "no registry answered for $upstream: making $local_name from debootstrap"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
work=$(mktemp -d /var/tmp/nba-scraper-base.XXXXXX)
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"

debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 || {
  tail -n 20 "$work/debootstrap.log" >&2
  say "debootstrap failed (mirror $mirror)"
  exit 1
}
# What the slim image leaves out: package caches and lists, docs and man pages.
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
  "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/*

install -m 0755 "$node_bin" "$rootfs/usr/local/bin/node"
# npm as the official image has it: the npm package in /usr/local/lib/node_modules, two links.
npm_version=$(npm view npm@11 version 2>/dev/null | tail -n 1 | awk '{print $NF}' | tr -d "'")
(cd "$work" && npm pack -q "npm@${npm_version:-11}" >/dev/null)
mkdir -p "$rootfs/usr/local/lib/node_modules/npm"
tar -xzf "$work"/npm-*.tgz --strip-components=1 -C "$rootfs/usr/local/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
chroot "$rootfs" /bin/sh -c 'groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node'

tar -C "$rootfs" --numeric-owner -c . | podman import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change "ENV NODE_VERSION=${node_version#v}" \
  --change 'CMD ["node"]' \
  --message "Debian bookworm (debootstrap minbase) + Node ${node_version} + npm ${npm_version:-11}" \
  --quiet - "$local_name" >/dev/null
say "made $local_name ($(podman image inspect --format '{{.Size}}' "$local_name") bytes)"
echo "$local_name"
