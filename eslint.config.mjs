import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// The layering of docs/ARCHITECTURE.md: only lib/data (and scripts, prisma, tests) may reach the database.
const databaseImports = {
  patterns: [
    { group: ['**/lib/db', '@/lib/db', '**/generated/prisma/**', '@/lib/generated/**', '@prisma/*', 'pg'], message: 'Only lib/data may import the database; components and routes get DTOs.' },
  ],
};

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'lib/generated/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    files: ['app/**', 'components/**', 'lib/actions/**', 'lib/content/**', 'lib/validation/**'],
    rules: { 'no-restricted-imports': ['error', databaseImports] },
  },
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...databaseImports.patterns, { group: ['**/lib/data/**', '@/lib/data/**'], allowTypeImports: true, message: 'Components render DTOs passed as props (type imports only); fetch data in the route.' }],
      }],
    },
  },
];

export default config;
