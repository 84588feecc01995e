# Peer Support for Slack: a two-stage image (docs/deployment.md).
#   docker build -t peer-support .
#   docker run -p 3000:3000 -v peer-support-data:/data -e SLACK_BOT_TOKEN=... -e SLACK_SIGNING_SECRET=... peer-support

# ---- build: compile better-sqlite3 and TypeScript, then drop the dev dependencies ----
FROM node:20-slim AS build

# better-sqlite3 builds from source with node-gyp when no prebuilt binary can be fetched.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, so this layer is reused while only the sources change. No install script runs
# here: the project's own postinstall needs the sources, and of the dependencies only better-sqlite3
# may run its script (the allowScripts list in package.json, which npm 11 enforces); prisma's and
# @prisma/engines' would download a native engine the app never uses (migrations run on Prisma's
# WebAssembly engine). Naming the one package keeps that true whatever npm the base image ships.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3

COPY tsconfig.json tsconfig.build.json ./
COPY scripts/ scripts/
COPY prisma/ prisma/
COPY src/ src/
# db:generate writes the per-provider schemas and Prisma clients; build compiles to dist/.
RUN npm run db:generate \
 && npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: node and the built app only, as a non-root user, under an init process ----
FROM node:20-slim AS runtime

# tini is PID 1: it hands SIGTERM/SIGINT to node and reaps children (docker stop, Kubernetes).
# DejaVu Sans is the font the insights chart is drawn in; the slim image has no fonts at all.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data \
 && chown node:node /data

ENV NODE_ENV=production \
    PORT=3000 \
    DATABASE_URL=file:/data/peer-support.db

WORKDIR /app
# migrations.ts finds its project root by package.json and prisma/model.prisma, and reads the
# migration histories from prisma/<provider>/migrations.
COPY --from=build --chown=root:root /app/package.json /app/package-lock.json ./
COPY --from=build --chown=root:root /app/prisma/ prisma/
COPY --from=build --chown=root:root /app/node_modules/ node_modules/
COPY --from=build --chown=root:root /app/dist/ dist/

# The SQLite default lives here; mount a volume. With DATABASE_URL=postgres://... it stays empty.
VOLUME ["/data"]

# The built-in unprivileged user of the node images (uid 1000); the app's files stay root-owned.
USER node

EXPOSE 3000

# GET /healthz answers while the process is alive (in Socket Mode too, on PORT). The slim image has
# no curl, so node's own fetch asks. Start-up applies migrations before it listens: hence start-period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# node itself, not `npm start`: nothing stands between the init process and the app, so SIGTERM
# starts its graceful shutdown at once. The same flags as `npm start`: --liftoff-only keeps V8 from
# compiling Prisma's WebAssembly query compiler a second time with its optimizing tier (about 50 MiB of
# memory for code that runs once per query shape); --heap-growing-percent=100 lets the old generation
# double before a full collection, so fewer of them fall among the acks under load (README "Performance").
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--liftoff-only", "--heap-growing-percent=100", "--disable-warning=ExperimentalWarning", "dist/main.js"]
