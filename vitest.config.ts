import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const canRunBrowserTests = existsSync(chromium) || process.env.CI === 'true';
if (!canRunBrowserTests) {
  console.warn(
    `\n  ! ${chromium} is missing, so the browser (e2e) tests are NOT run. Install it: apt-get install chromium\n`,
  );
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{db,api,widget,console}/src/**/*.test.{ts,tsx}'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(canRunBrowserTests
        ? [
            {
              test: {
                name: 'e2e',
                include: ['e2e/**/*.test.ts'],
                testTimeout: 120_000,
                hookTimeout: 180_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
