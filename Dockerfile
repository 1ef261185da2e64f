# syntax=docker/dockerfile:1
#
# nba-scraper: one image for every role, chosen by the arguments after the image name:
#   docker run IMAGE                      a worker (the default command)
#   docker run IMAGE exporter             the queue-metrics exporter
#   docker run IMAGE enqueue 2015-2024    the producer;  also status, export, retry-failed, ...
# Settings are environment variables (README: Settings), e.g. -e REDIS_URL=redis://... .
#
# Runtime: Node 24 LTS (slim Debian), production dependencies only, a non-root user, nothing
# written outside /tmp (mount a tmpfs/emptyDir there) and the file store's directory: it runs
# with a read-only root filesystem. Node is PID 1 and handles SIGTERM itself (a graceful stop
# within SHUTDOWN_BUDGET_MS), so no init wrapper is needed.
#
# The runtime stage holds exactly what `npm pack` puts in the package (package.json "files":
# dist/ without dist/local/, the local harness, and README.md) plus `npm ci --omit=dev` from the lock file; test/k8s/image-command.test.ts
# builds the same install without Docker and runs this file's ENTRYPOINT and CMD against Redis.

ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: every dependency, TypeScript -> dist/, then the package tarball -------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
# No install scripts: the build needs none (the `node` dev dependency would fetch a second Node).
# Behind a TLS-inspecting proxy, pass its CA bundle as the build secret `npm_ca` (not kept in any
# layer): `--secret id=npm_ca,src=/etc/ssl/certs/ca-certificates.crt`.
RUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=npm_ca \
    if [ -s /run/secrets/npm_ca ]; then export npm_config_cafile=/run/secrets/npm_ca; fi \
 && npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY README.md ./
RUN npm run build \
 && mkdir /pkg \
 && npm pack --ignore-scripts --pack-destination /pkg \
 && mv /pkg/*.tgz /pkg/package.tgz

# ---- production dependencies of the packed files, from the lock file ---------------------------
FROM ${NODE_IMAGE} AS install
WORKDIR /app
COPY --from=build /pkg/package.tgz /tmp/package.tgz
COPY package-lock.json ./
RUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=npm_ca \
    if [ -s /run/secrets/npm_ca ]; then export npm_config_cafile=/run/secrets/npm_ca; fi \
 && tar -xzf /tmp/package.tgz --strip-components=1 -C /app \
 && npm ci --omit=dev --no-audit --no-fund \
 && chmod 0755 /app/dist/cli/main.js \
 && rm -f /tmp/package.tgz

# ---- runtime --------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG CREATED=unknown
LABEL org.opencontainers.image.title="nba-scraper" \
      org.opencontainers.image.description="Distributed, polite, fault-tolerant scraper of NBA seasons (BullMQ workers on Redis)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="https://github.com/nba-scraper/nba-scraper" \
      org.opencontainers.image.url="https://github.com/nba-scraper/nba-scraper" \
      org.opencontainers.image.documentation="https://github.com/nba-scraper/nba-scraper/blob/main/docs/operations.md" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.vendor="nba-scraper" \
      org.opencontainers.image.base.name="docker.io/library/node:24-bookworm-slim"
# Owned by root and read-only for the app user: the code cannot be changed at run time.
COPY --from=install --chown=root:root /app /app
# `nba-scraper` on the PATH for `kubectl exec deploy/... -- nba-scraper status`; the file store's
# default directory, writable by the app user (mount a volume there).
RUN ln -s /app/dist/cli/main.js /usr/local/bin/nba-scraper \
 && mkdir -p /data \
 && chown 1000:1000 /data
ENV NODE_ENV=production \
    STORE_URL=file:///data
WORKDIR /app
# The `node` user of the official image (uid 1000): numeric, so runAsNonRoot can verify it.
USER 1000:1000
# /metrics, /healthz, /readyz (METRICS_PORT) of the worker and the exporter.
EXPOSE 9464
ENTRYPOINT ["node", "--enable-source-maps", "/app/dist/cli/main.js"]
CMD ["worker"]
