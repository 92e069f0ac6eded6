// Where Chromium is, for the end-to-end tests and for rendering "Download PDF" on the server.
// Order: an explicit path, the system's Chromium or Chrome, then Playwright's own downloaded browser.
import { existsSync } from "node:fs";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

export function findChromium(playwrightOwn?: () => string): string | null {
  for (const p of [process.env.PLAYWRIGHT_CHROMIUM_PATH, process.env.CHROMIUM_PATH]) {
    if (p && existsSync(p)) return p;
  }
  for (const p of SYSTEM_PATHS) if (existsSync(p)) return p;
  try {
    const own = playwrightOwn?.();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright's own browser was never downloaded.
  }
  return null;
}

export const CHROMIUM_HELP = [
  "No Chromium was found for the browser tests. Any one of these fixes it:",
  "  - Debian or Ubuntu: sudo apt-get install -y chromium      (then it is found at /usr/bin/chromium)",
  "  - with internet access: npx playwright install chromium",
  "  - or point at a Chromium or Chrome you have: PLAYWRIGHT_CHROMIUM_PATH=/path/to/chrome npm test",
].join("\n");
