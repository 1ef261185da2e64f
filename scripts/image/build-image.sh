#!/usr/bin/env bash
# Builds the image from the Dockerfile with podman (rootful), on the base that
# scripts/image/base-image.sh gives (node:24-bookworm-slim when a registry answers, otherwise one
# made locally and kept), and tags it localhost/nba-scraper:<package version> and
# localhost/nba-scraper:test. Prints the image name on stdout; podman's build log goes to stderr.
#
# Usage: bash scripts/image/build-image.sh
# Environment: IMAGE_CA_BUNDLE, a CA bundle for the build's npm behind a TLS-inspecting proxy
# (default: the system bundle when NODE_EXTRA_CA_CERTS or npm's cafile names one).
set -euo pipefail
cd "$(dirname "$0")/../.."
say() { printf 'build-image: %s\n' "$*" >&2; }

command -v podman >/dev/null || { say "podman is not installed (apt-get install podman buildah)"; exit 2; }
node_bin="$PWD/node_modules/.bin/node"
[ -x "$node_bin" ] || { say "no $node_bin: run 'npm ci' first"; exit 2; }
CONTAINERS_CONF=$("$node_bin" -e "import('./scripts/podman/podman.ts').then(m => console.log(m.podmanEnv().CONTAINERS_CONF))")
export CONTAINERS_CONF

base=$(bash scripts/image/base-image.sh)
version=$("$node_bin" -p "require('./package.json').version")
revision=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)

secret=()
ca="${IMAGE_CA_BUNDLE:-${NODE_EXTRA_CA_CERTS:-$(npm config get cafile 2>/dev/null || true)}}"
if [ -n "$ca" ] && [ "$ca" != null ] && [ "$ca" != undefined ] && [ -s "$ca" ]; then
  secret=(--secret "id=npm_ca,src=$ca")
fi

say "building localhost/nba-scraper:$version on $base"
podman build \
  --build-arg "NODE_IMAGE=$base" \
  --build-arg "VERSION=$version" \
  --build-arg "REVISION=$revision" \
  --build-arg "CREATED=$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  "${secret[@]}" \
  --layers \
  -t "localhost/nba-scraper:$version" \
  -t localhost/nba-scraper:test \
  . >&2
echo "localhost/nba-scraper:$version"
