import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

// Run everything through `npm test` (scripts/test.ts): it gives integration tests their own migrated, empty
// PostgreSQL in DATABASE_URL. `npx vitest run --project unit` also works on its own.
export default defineConfig({
  resolve: {
    alias: [
      // tsconfig.json: "paths": { "@/*": ["./*"] }
      { find: /^@\//, replacement: `${root}/` },
      // Build-time marker only (see tests/support/empty-module.ts).
      { find: /^server-only$/, replacement: path.join(root, 'tests/support/empty-module.ts') },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.{ts,tsx}'],
          environment: 'node',
          // The files share one PostgreSQL (and the DATABASE_URL template): run them one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
