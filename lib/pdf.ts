import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import { CHROMIUM_ARGS, findChromium } from "./chromium";

// "Download PDF" prints the print page itself with a headless Chromium on the server, so the PDF and the
// printout are one layout (docs/decisions/0012-pdf.md). Without a Chromium the app says so and the browser's
// own "Save as PDF" remains.
//
// How one download goes (docs/decisions/0038-pdf-from-the-print-html.md):
// 1. The route fetches the print page's HTML once from this app, as the requesting clinician (their cookie and
//    the 60-second render token: the page writes the "pdf-render" audit row, as the renderer's own request
//    did before), so the PDF holds exactly what the print page shows that user.
// 2. The HTML is made self-contained: scripts dropped (the page is complete without them), the app's own
//    stylesheets inlined (fetched once per content-hashed file), a Content-Security-Policy that allows
//    nothing to load.
// 3. A finished PDF is kept in a small in-memory LRU keyed by a hash of the clinic, the paper and that exact
//    HTML: downloading an unchanged summary again costs a hash; any edit changes the HTML, so it is printed anew.
// 4. Otherwise one warm, cookie-free Chromium context (no JavaScript, offline, every request refused) is
//    handed the HTML from memory (page.setContent: no navigation) and prints it.

const TOKEN_TTL_MS = 60_000;

function secret(): string {
  return process.env.NEXTAUTH_SECRET ?? "";
}

/** A short-lived token the PDF route sends with its request for the print page, so the audit trail shows
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

export type PaperFormat = "Letter" | "A4";

// ---------------------------------------------------------------------------------------------------------
// 1. The print page's HTML, from this app.

/**
 * Where this server answers, for its requests to itself: loopback on the port `next start` listens on (it
 * sets PORT), never an address taken from the request (the Host header is the client's to choose: the
 * server fetches no URL a user supplied). `next dev` without PORT falls back to the request's own origin.
 */
export function selfOrigin(requestOrigin: string): string {
  const port = Number(process.env.PORT);
  return Number.isInteger(port) && port > 0 ? `http://127.0.0.1:${port}` : requestOrigin;
}

function get(url: URL, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, timeout: 20_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`${url.pathname} timed out`)));
    req.on("error", reject);
  });
}

/** The headers of the clinician's request that the print page reads: who (cookie), where they see the app
 * (host and forwarded host/proto, for the printed "My plan" link) and the browser (for the audit row). */
export function forwardedHeaders(h: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ["cookie", "host", "x-forwarded-host", "x-forwarded-proto", "user-agent", "accept-language"]) {
    const v = h.get(name);
    if (v) out[name] = v;
  }
  return out;
}

/** The print page as the requesting clinician sees it, rendered by this app (one request, audited by the
 * page as "pdf-render"). */
export async function fetchPrintHtml(opts: {
  origin: string;
  visitId: string;
  version: "patient" | "clinician";
  headers: Record<string, string>;
}): Promise<string> {
  const url = new URL(`/visits/${encodeURIComponent(opts.visitId)}/print`, opts.origin);
  url.searchParams.set("version", opts.version);
  url.searchParams.set("render", pdfRenderToken(opts.visitId));
  const res = await get(url, { ...opts.headers, accept: "text/html" });
  if (res.status !== 200) throw new Error(`print page answered ${res.status}`);
  return res.body;
}

// ---------------------------------------------------------------------------------------------------------
// 2. Self-contained HTML.

/** Loads nothing, runs nothing: styles inline, images only as data: URLs. */
const RENDER_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";
const APP_CSS = /^\/_next\/static\/(?:css|chunks)\/[\w.-]+\.css$/;
/** The app's stylesheets by path: content-hashed file names, so a path's text never changes. */
const cssByPath = new Map<string, Promise<string>>();

function appCss(origin: string, href: string): Promise<string> {
  let css = cssByPath.get(href);
  if (!css) {
    css = get(new URL(href, origin), {}).then((r) => {
      if (r.status !== 200) throw new Error(`${href} answered ${r.status}`);
      return r.body;
    });
    css.catch(() => cssByPath.delete(href));
    cssByPath.set(href, css);
  }
  return css;
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? "") : null;
}

/** Inline text for a style element: "</style" cannot occur inside it. */
function styleText(css: string): string {
  return css.replace(/<\/style/gi, "<\\/style");
}

/**
 * The print page's HTML made self-contained for the renderer: scripts removed (the page is complete as
 * served; its only script is the Print button's, plus the framework's payload), nonces removed (they change
 * on every request and would defeat the cache), the app's own stylesheets inlined (`loadCss`), every other
 * link dropped, and a Content-Security-Policy that lets nothing load.
 */
export async function selfContainedHtml(html: string, loadCss: (href: string) => Promise<string>): Promise<string> {
  let out = html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, "").replace(/\snonce\s*=\s*(?:"[^"]*"|'[^']*')/gi, "");
  const links = [...out.matchAll(/<link\b[^>]*>/gi)].map((m) => m[0]);
  const replacements = await Promise.all(
    links.map(async (tag) => {
      const rel = (attr(tag, "rel") ?? "").toLowerCase();
      const href = attr(tag, "href") ?? "";
      if (rel === "stylesheet" && APP_CSS.test(href)) return `<style>${styleText(await loadCss(href))}</style>`;
      return "";
    }),
  );
  links.forEach((tag, i) => {
    out = out.replace(tag, () => replacements[i]!);
  });
  const meta = `<meta http-equiv="Content-Security-Policy" content="${RENDER_CSP}">`;
  return /<head\b[^>]*>/i.test(out) ? out.replace(/<head\b[^>]*>/i, (h) => `${h}${meta}`) : `${meta}${out}`;
}

// ---------------------------------------------------------------------------------------------------------
// 3. Finished PDFs, by clinic, paper and exact HTML.

interface Cached {
  clinicId: string;
  pdf: Buffer;
  at: number;
}
const CACHE_MAX_BYTES = 32 * 1024 * 1024;
const CACHE_MAX_ENTRIES = 256;
/** A patient's PDF stays in memory at most this long after it was made. */
const CACHE_TTL_MS = 15 * 60_000;
const cache = new Map<string, Cached>();
let cacheBytes = 0;
const inFlight = new Map<string, Promise<Buffer>>();

function cacheKey(clinicId: string, format: PaperFormat, html: string): string {
  return createHash("sha256").update(clinicId).update("\0").update(format).update("\0").update(html).digest("hex");
}

function cacheGet(key: string, clinicId: string, now: number): Buffer | null {
  const hit = cache.get(key);
  if (!hit) return null;
  if (hit.clinicId !== clinicId || now - hit.at > CACHE_TTL_MS) {
    cacheDelete(key);
    return null;
  }
  // Most recently used last.
  cache.delete(key);
  cache.set(key, hit);
  return hit.pdf;
}

function cacheDelete(key: string) {
  const e = cache.get(key);
  if (!e) return;
  cache.delete(key);
  cacheBytes -= e.pdf.length;
}

function cachePut(key: string, clinicId: string, pdf: Buffer, now: number) {
  if (pdf.length > CACHE_MAX_BYTES / 4) return;
  cacheDelete(key);
  cache.set(key, { clinicId, pdf, at: now });
  cacheBytes += pdf.length;
  for (const [k, e] of cache) {
    if (cacheBytes <= CACHE_MAX_BYTES && cache.size <= CACHE_MAX_ENTRIES && now - e.at <= CACHE_TTL_MS) break;
    cacheDelete(k);
  }
}

/** Empties the cache of finished PDFs (tests, and the renderer's idle shutdown). */
export function clearPdfCache() {
  cache.clear();
  cacheBytes = 0;
}

// ---------------------------------------------------------------------------------------------------------
// 4. The renderer.

type Browser = import("playwright-core").Browser;
type BrowserContext = import("playwright-core").BrowserContext;
type Page = import("playwright-core").Page;
interface Renderer {
  browser: Browser;
  context: BrowserContext;
  idle: Page[];
}
let renderer: Promise<Renderer> | null = null;
/** The renderer once launched (a disconnected browser is forgotten only if it is still this one). */
let current: Renderer | null = null;
let idleTimer: NodeJS.Timeout | undefined;
const IDLE_PAGES = 2;

async function launch(): Promise<Renderer> {
  const path = findChromium();
  if (!path) throw new Error("No Chromium on this server");
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: path, args: CHROMIUM_ARGS, headless: true });
  // One context for every render: it never holds a cookie or a session (the HTML arrives from memory), runs
  // no JavaScript, is offline, and refuses any request that would still be attempted.
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  await context.route("**/*", (route) => route.abort("blockedbyclient"));
  const r: Renderer = { browser, context, idle: [await context.newPage()] };
  browser.on("disconnected", () => {
    if (renderer && current === r) {
      renderer = null;
      current = null;
    }
  });
  current = r;
  return r;
}

/** Closes the shared Chromium after a minute without downloads (cached PDFs count as downloads). */
function keepWarm() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => void closeRenderer(), 60_000);
  idleTimer.unref();
}

/** One shared headless Chromium, started on first use. */
function getRenderer(): Promise<Renderer> {
  if (!renderer) {
    renderer = launch();
    renderer.catch(() => {
      renderer = null;
    });
  }
  keepWarm();
  return renderer;
}

/** Closes the shared Chromium (after a minute idle; tests call it to finish). The cache stays. */
export async function closeRenderer(): Promise<void> {
  clearTimeout(idleTimer);
  const r = renderer;
  renderer = null;
  current = null;
  await r?.then((x) => x.browser.close()).catch(() => {});
}

async function print(html: string, format: PaperFormat): Promise<Buffer> {
  const r = await getRenderer();
  const page = r.idle.pop() ?? (await r.context.newPage());
  let reusable = false;
  try {
    await page.setContent(html, { waitUntil: "load", timeout: 20_000 });
    // page.pdf lays out for print media itself; the margins hold the sheet's running header and footer
    // (the print page's @page rules: name, date, page N of M).
    const pdf = await page.pdf({ format, printBackground: true, margin: { top: "10mm", bottom: "10mm", left: "10mm", right: "10mm" } });
    reusable = true;
    return pdf;
  } finally {
    // The next render replaces the whole document (setContent), so a page is reused; one that failed is not.
    if (reusable && r.idle.length < IDLE_PAGES && current === r) r.idle.push(page);
    else void page.close().catch(() => {});
  }
}

/**
 * The PDF of a print page's self-contained HTML (see `selfContainedHtml`), made once per clinic, paper and
 * exact HTML and then served from memory. `cached` says whether it came from the cache.
 */
export async function pdfFromHtml(html: string, opts: { clinicId: string; format: PaperFormat }): Promise<{ pdf: Buffer; cached: boolean }> {
  const key = cacheKey(opts.clinicId, opts.format, html);
  const hit = cacheGet(key, opts.clinicId, Date.now());
  if (hit) {
    if (renderer) keepWarm();
    return { pdf: hit, cached: true };
  }
  let making = inFlight.get(key);
  if (!making) {
    making = print(html, opts.format).then((pdf) => {
      cachePut(key, opts.clinicId, pdf, Date.now());
      return pdf;
    });
    inFlight.set(key, making);
    void making.finally(() => inFlight.delete(key)).catch(() => {});
  }
  return { pdf: await making, cached: false };
}

/** "Download PDF" for one visit: the print page as this clinician sees it, as a PDF. */
export async function printPagePdf(opts: {
  origin: string;
  visitId: string;
  version: "patient" | "clinician";
  format: PaperFormat;
  clinicId: string;
  headers: Record<string, string>;
}): Promise<{ pdf: Buffer; cached: boolean }> {
  const html = await fetchPrintHtml(opts);
  const ready = await selfContainedHtml(html, (href) => appCss(opts.origin, href));
  return pdfFromHtml(ready, { clinicId: opts.clinicId, format: opts.format });
}
