import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { CHROMIUM_ARGS, findChromium } from "./chromium";

// "Download PDF" renders the print page itself in a headless Chromium on the server, so the PDF and the
// printout are one layout (docs/decisions/0012-pdf.md). Without a Chromium the app says so and the browser's
// own "Save as PDF" remains.

const TOKEN_TTL_MS = 60_000;

function secret(): string {
  return process.env.NEXTAUTH_SECRET ?? "";
}

/** A short-lived token the PDF renderer sends with its request for the print page, so the audit trail shows
 * that render as part of the download ("pdf-render") rather than as a separate "print". */
export function pdfRenderToken(visitId: string, now = Date.now()): string {
  const exp = now + TOKEN_TTL_MS;
  const mac = createHmac("sha256", secret()).update(`${visitId}.${exp}`).digest("base64url");
  return `${exp}.${mac}`;
}

export function isPdfRenderToken(visitId: string, token: string | null | undefined, now = Date.now()): boolean {
  if (!token || !secret()) return false;
  const [expText, mac] = token.split(".");
  const exp = Number(expText);
  if (!Number.isFinite(exp) || exp < now || !mac) return false;
  const expected = createHmac("sha256", secret()).update(`${visitId}.${exp}`).digest("base64url");
  const a = Buffer.from(mac);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function pdfAvailable(): boolean {
  return findChromium() !== null;
}

type Browser = import("playwright-core").Browser;
type Page = import("playwright-core").Page;
let browser: Promise<Browser> | null = null;
let idleTimer: NodeJS.Timeout | undefined;
/** A context and page made ahead of the next download, with no user's cookies yet. */
let spare: Promise<Page> | null = null;

/** One shared headless Chromium, started on first use and closed after a minute without work. */
async function getBrowser(): Promise<Browser> {
  const path = findChromium();
  if (!path) throw new Error("No Chromium on this server");
  if (!browser) {
    const { chromium } = await import("playwright-core");
    browser = chromium.launch({ executablePath: path, args: CHROMIUM_ARGS, headless: true });
    browser.catch(() => {
      browser = null;
    });
  }
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    const b = browser;
    browser = null;
    spare = null;
    void b?.then((x) => x.close()).catch(() => {});
  }, 60_000);
  idleTimer.unref();
  return browser;
}

// No JavaScript: the print page is complete as the server renders it (its only script is the Print
// button's). Loading and running the framework's bundle took a third of each PDF (warm p50 about 1,000 ms
// with it, about 550 without, the same PDF bytes).
async function newPage(b: Browser): Promise<Page> {
  const context = await b.newContext({ javaScriptEnabled: false });
  return context.newPage();
}

/**
 * A fresh page for one download: the spare made after the previous download (making a context and a page
 * was a third of each PDF's time), and a new spare for the next. Each context serves one download and is
 * then closed, so no user's cookies or cache ever reach another's PDF.
 */
async function takePage(b: Browser): Promise<Page> {
  const ready = spare ?? newPage(b);
  spare = newPage(b);
  spare.catch(() => {
    spare = null;
  });
  return ready;
}

/** Render a page of this app to PDF, as the requesting user (their cookies are passed on). */
export async function renderPdf(opts: { url: string; cookieHeader: string; format: "Letter" | "A4" }): Promise<Buffer> {
  const page = await takePage(await getBrowser());
  try {
    await page.setExtraHTTPHeaders({ cookie: opts.cookieHeader });
    const res = await page.goto(opts.url, { waitUntil: "load", timeout: 20_000 });
    if (!res || res.status() !== 200) throw new Error(`print page answered ${res?.status()}`);
    // page.pdf lays out for print media itself; the margins hold the sheet's running header and footer
    // (the print page's @page rules: name, date, page N of M).
    return await page.pdf({ format: opts.format, printBackground: true, margin: { top: "10mm", bottom: "10mm", left: "10mm", right: "10mm" } });
  } finally {
    // Closed after the answer is on its way: the download does not wait for the teardown.
    void page
      .context()
      .close()
      .catch(() => {});
  }
}
