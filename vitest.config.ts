import { defineConfig } from 'vitest/config';

// CI asks for a JSON copy of the results so that .ci/run can print Vitest's own counts.
const jsonOutput = process.env.VITEST_JSON;

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'poslab-report/**', '.tmp/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: jsonOutput ? ['default', ['json', { outputFile: jsonOutput }]] : ['default'],
  },
});
