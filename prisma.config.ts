import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Prisma's CLI downloads a native schema engine for migrate/generate; offline that fails, so point it at a
// stand-in (migrations run through @prisma/schema-engine-wasm instead: scripts/migrations/).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve('scripts/migrations/schema-engine-stand-in.sh');

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/dispatch' },
});
