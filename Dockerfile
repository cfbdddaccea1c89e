# Production image: Node 24 LTS, the built app, its runtime dependencies and the migrations.
# The operational scripts are bundled into build/ops by `npm run build`, so the image runs them without
# sources or tsx: `docker compose exec app node build/ops/user-create.js --admin --email … --name …`.
# tests/integration/ops-image.test.ts runs them from a folder holding only what the final stage copies.
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV CHECKPOINT_DISABLE=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY package.json package-lock.json .dsfr.yml ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 CHECKPOINT_DISABLE=1
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/prisma/migrations ./prisma/migrations
USER node
EXPOSE 3000
CMD ["node", "build/index.js"]
