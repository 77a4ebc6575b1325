import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'poslab-report/**', '.tmp/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
