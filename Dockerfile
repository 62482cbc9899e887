# syntax=docker/dockerfile:1
#
# One image for every Node service of devzone-graph: the four zone services, the
# province service and the gateway. docker-compose.yml sets the command per service,
# e.g. `node --no-memory-reducer subgraphs/anhui/dist/main.js` (SERVICE_NODE_FLAGS); the default command runs the gateway.
#
# Everything is installed and compiled at build time; nothing is downloaded when a
# container starts.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------- base: node + pnpm
FROM ${NODE_IMAGE} AS base
# The version pinned by package.json "packageManager". Installed with npm because
# corepack's signature check fails against some registries.
RUN npm i -g pnpm@10.34.9
WORKDIR /app

# ------------------------------------- manifests: only what dependency install reads
# Collected in their own stage so that the install layers below are reused as long
# as no manifest and the lockfile change.
FROM base AS manifests
WORKDIR /src
COPY . .
RUN mkdir -p /manifests \
 && cp -r package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc patches /manifests/ \
 && find gateway packages internal subgraphs -name package.json -not -path '*/node_modules/*' \
      -exec cp --parents {} /manifests/ \;

# ------------------------------------------------ build: all deps, compile with tsc
FROM base AS build
COPY --from=manifests /manifests/ ./
RUN pnpm install --frozen-lockfile
COPY . .
# The root tsconfig references every package: one `tsc -b` builds them in order.
RUN pnpm exec tsc -b
# Keep what the services read at run time besides node_modules: compiled output, the
# seed data (read from <package>/seed next to dist) and RUNTIME_FILES, the other files
# read next to dist: the source articles (province), the dashboard's browser files and
# operations, the BI views' stored operations and the API schema they are checked
# against (gateway). tests/compose.test.ts checks that the gateway's paths are listed.
ARG RUNTIME_FILES="data gateway/dashboard gateway/views gateway/schema.graphql"
RUN mkdir -p /out \
 && for dir in gateway packages/* subgraphs/*; do \
      if [ -d "$dir/dist" ]; then mkdir -p "/out/$dir" && cp -R "$dir/dist" "/out/$dir/dist"; fi; \
      if [ -d "$dir/seed" ]; then mkdir -p "/out/$dir" && cp -R "$dir/seed" "/out/$dir/seed"; fi; \
    done \
 && for path in $RUNTIME_FILES; do \
      mkdir -p "/out/$(dirname "$path")" && cp -R "$path" "/out/$path"; \
    done \
 && find /out -name '.tsbuildinfo' -delete

# --------------------------------------------- prod-deps: runtime dependencies only
FROM base AS prod-deps
COPY --from=manifests /manifests/ ./
RUN pnpm install --frozen-lockfile --prod

# ----------------------------------------------------------------------- runtime
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=prod-deps --chown=node:node /app/ ./
COPY --from=build --chown=node:node /out/ ./
# The one folder a service writes to: a gateway's last served supergraph in registry mode
# (GATEWAY_STATE_FILE, default .data/gateway-supergraph.json under /app). Owned by node, so
# a volume mounted here (compose: gateway-<n>-state) starts out writable.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
# gateway 4000, province 4001, zone services 4011-4014
EXPOSE 4000 4001 4011 4012 4013 4014
CMD ["node", "--no-memory-reducer", "gateway/dist/main.js"]
