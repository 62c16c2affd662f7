import { defineConfig } from 'vitest/config';

// API tests run on PGlite always and, when TEST_DATABASE_URL is set, once more on PostgreSQL.
const backends = process.env.TEST_DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];

export default defineConfig({
  test: {
    projects: backends.map((backend) => ({
      test: {
        name: backend,
        // the demo's half-year report is the one demo test that also runs on PostgreSQL (issue 11 asks for both)
        include:
          backend === 'pglite'
            ? ['src/**/*.test.ts', 'demo/**/*.test.ts']
            : ['src/server/**/*.routes.test.ts', 'src/server/**/*.db.test.ts', 'demo/demo-report.test.ts'],
        env: { ZW_TEST_DB: backend, TZ: 'Asia/Shanghai' },
        testTimeout: 60_000,
        hookTimeout: 120_000,
        pool: 'forks',
      },
    })),
  },
});
