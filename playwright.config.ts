import { chromium, defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./lib/chromium";

// Run through `npm run test:e2e` (scripts/e2e.ts): it prepares a fresh database, builds the app, starts
// `next start` and passes its address in E2E_BASE_URL.
const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3000";
const executablePath = findChromium(() => chromium.executablePath()) ?? undefined;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "journeys", testIgnore: /outage\.spec\.ts/, use: { ...devices["Desktop Chrome"], channel: undefined } },
    // Stops the database under the running app: after every other journey, alone.
    { name: "outage", testMatch: /outage\.spec\.ts/, dependencies: ["journeys"], use: { ...devices["Desktop Chrome"], channel: undefined } },
  ],
});
