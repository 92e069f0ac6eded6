// "Download PDF"'s renderer (lib/pdf.ts, ADR 0038) with a real Chromium and a real database: the take-home
// sheet of a signed summary, rendered from lib/data's printable summary by the sheet's own component, made
// self-contained and printed from memory. The route's other half (fetching the print page from the running
// app as the clinician) is covered end to end by e2e/summary-print.spec.ts and e2e/summary-two-pages.spec.ts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clinicianActor, createClinicianAndClinic, examData, intakeAnswers, patientThroughInvite } from "@/prisma/factories";
import { PatientSummary } from "@/components/summary/patient-summary";
import { findChromium, CHROMIUM_ARGS } from "./chromium";
import { saveExam } from "./data/exams";
import { submitIntake } from "./data/intake-answers";
import { createPatient } from "./data/patients";
import { amendSummary, finalizeSummary, getPrintableSummary, getSummary, saveSummaryEdits } from "./data/summaries";
import { startVisit } from "./data/visits";
import { closeRenderer, pdfFromHtml, selfContainedHtml } from "./pdf";
import { pdfPages } from "@/test/pdf-pages";

type Actor = Awaited<ReturnType<typeof clinicianActor>>;

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/**
 * The sheet as the print page builds it for this clinician, or null where the route answers 404: the printable
 * summary from lib/data (the route's own check, by clinic), the patient's name in the page margins on every
 * page (the print page's @page rules) and the take-home sheet's component. A script and a nonce stand in
 * for the framework's, which the renderer must drop.
 */
async function sheetHtml(actor: Actor, visitId: string, name: string): Promise<string | null> {
  const printable = await getPrintableSummary(actor, visitId, {}, "pdf-download", "patient");
  if (!printable) return null;
  const body = renderToStaticMarkup(createElement(PatientSummary, { a: printable.assessment, clinicPhone: "555 0100" }));
  const margins = `@page { @top-left { content: "${name}"; font-size: 8pt } @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt } }`;
  // Unstyled SVG drawings would fill a page each; the app's stylesheet sizes them (inlined in the route).
  const css = "svg { max-width: 120px; max-height: 120px } body { font-family: system-ui, sans-serif; font-size: 11pt }";
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><title>Visit summary</title>` +
    `<script nonce="abc">document.body.textContent = "scripted"</script></head>` +
    `<body><main><style nonce="abc">${margins} ${css}</style><h1>${escape(name)}</h1>${body}</main></body></html>`
  );
}

async function signedVisit(actor: Actor, firstName: string, lastName: string) {
  const patient = await createPatient(actor, { firstName, lastName, dateOfBirth: "1988-03-09", sex: "FEMALE", email: "", phone: "" });
  const v = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: "2026-11-25" });
  if (!v.ok) throw new Error("no visit");
  await submitIntake(await patientThroughInvite(v.token, "1988-03-09"), intakeAnswers(), `k-${v.visitId}`);
  await saveExam(actor, v.visitId, examData(150, 210), null);
  await saveSummaryEdits(actor, v.visitId, { notes: "Bring your running shoes next time." }, null);
  const f = await finalizeSummary(actor, v.visitId);
  if (!f.ok) throw new Error(`not finalized: ${JSON.stringify(f)}`);
  return v.visitId;
}

const noCss = async (href: string): Promise<string> => {
  throw new Error(`no stylesheet expected: ${href}`);
};

describe.skipIf(!findChromium())("the PDF renderer (real Chromium)", () => {
  let a: Actor;
  let b: Actor;
  let visitId: string;
  const name = "Wren Okafor-Lindqvist";

  beforeAll(async () => {
    const clinicA = await createClinicianAndClinic();
    const clinicB = await createClinicianAndClinic();
    a = await clinicianActor(clinicA.user, clinicA.clinic.id);
    b = await clinicianActor(clinicB.user, clinicB.clinic.id);
    visitId = await signedVisit(a, "Wren", "Okafor-Lindqvist");
  });
  afterAll(async () => {
    await closeRenderer();
  });

  it(
    "prints the signed sheet with the patient's name on every page, the pages the browser's own print makes, and no script run",
    { timeout: 120_000 },
    async () => {
      const html = await selfContainedHtml((await sheetHtml(a, visitId, name))!, noCss);
      expect(html).not.toMatch(/<script|nonce=/);
      const { pdf, cached } = await pdfFromHtml(html, { clinicId: a.clinicId, format: "Letter" });
      expect(cached).toBe(false);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const pages = await pdfPages(pdf);
      const all = pages.join(" ");
      expect(all).toContain("Bring your running shoes next time.");
      expect(all).not.toContain("scripted");
      pages.forEach((text, i) => {
        expect(text, `page ${i + 1} names the patient`).toContain(name);
        expect(text, `page ${i + 1} numbered`).toContain(`Page ${i + 1} of ${pages.length}`);
      });

      // The same document opened by a browser and printed with the same options: as many pages, the same words.
      const { chromium } = await import("playwright-core");
      const browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_ARGS, headless: true });
      const dir = mkdtempSync(path.join(os.tmpdir(), "stride-pdf-"));
      try {
        const file = path.join(dir, "sheet.html");
        writeFileSync(file, html);
        const page = await browser.newPage({ javaScriptEnabled: false });
        await page.goto(`file://${file}`);
        const printed = await pdfPages(
          await page.pdf({ format: "Letter", printBackground: true, margin: { top: "10mm", bottom: "10mm", left: "10mm", right: "10mm" } }),
        );
        expect(pages.length).toBe(printed.length);
        expect(pages).toEqual(printed);
      } finally {
        await browser.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it("gives the same bytes again for the same HTML, and a new PDF once the summary is amended", async () => {
    const html = await selfContainedHtml((await sheetHtml(a, visitId, name))!, noCss);
    const first = await pdfFromHtml(html, { clinicId: a.clinicId, format: "A4" });
    const again = await pdfFromHtml(html, { clinicId: a.clinicId, format: "A4" });
    expect(again.cached).toBe(true);
    expect(again.pdf.equals(first.pdf)).toBe(true);
    // Another paper is another PDF.
    const letter = await pdfFromHtml(html, { clinicId: a.clinicId, format: "Letter" });
    expect(letter.pdf.equals(first.pdf)).toBe(false);

    expect(await amendSummary(a, visitId)).toEqual({ ok: true });
    const draft = await getSummary(a, visitId);
    await saveSummaryEdits(a, visitId, { notes: "Amended: see you in two weeks." }, draft!.draftVersion);
    expect((await finalizeSummary(a, visitId)).ok).toBe(true);
    const edited = await selfContainedHtml((await sheetHtml(a, visitId, name))!, noCss);
    expect(edited).not.toBe(html);
    const after = await pdfFromHtml(edited, { clinicId: a.clinicId, format: "A4" });
    expect(after.cached).toBe(false);
    expect(after.pdf.equals(first.pdf)).toBe(false);
    const text = (await pdfPages(after.pdf)).join(" ");
    expect(text).toContain("Amended: see you in two weeks.");
    expect(text).not.toContain("Bring your running shoes next time.");
  });

  it("gives another clinic's clinician nothing: no printable summary (the route's 404), and never a PDF from this clinic's cache", async () => {
    expect(await sheetHtml(b, visitId, name)).toBeNull();
    // Even handed the very same HTML, another clinic's request is printed for that clinic, not served from the
    // first clinic's cache.
    const html = await selfContainedHtml((await sheetHtml(a, visitId, name))!, noCss);
    const own = await pdfFromHtml(html, { clinicId: a.clinicId, format: "Letter" });
    expect((await pdfFromHtml(html, { clinicId: a.clinicId, format: "Letter" })).cached).toBe(true);
    const other = await pdfFromHtml(html, { clinicId: b.clinicId, format: "Letter" });
    expect(other.cached).toBe(false);
    expect(own.pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("loads nothing while printing: no request leaves the renderer, whatever the HTML asks for", async () => {
    const hits: string[] = [];
    const server = http.createServer((req, res) => {
      hits.push(req.url ?? "");
      res.end("x");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const hostile =
        `<!DOCTYPE html><html><head><link rel="stylesheet" href="${base}/linked.css"><link rel="stylesheet" href="/_next/static/chunks/x.css">` +
        `<style>@import url("${base}/imported.css"); body { background: url("${base}/background.png") }</style></head>` +
        `<body><p>${escape(name)}</p><img src="${base}/image.png" alt=""><iframe src="${base}/frame"></iframe>` +
        `<object data="${base}/object"></object><video poster="${base}/poster.png"></video></body></html>`;
      const css: string[] = [];
      const ready = await selfContainedHtml(hostile, async (href) => {
        css.push(href);
        return "p { color: #000 }";
      });
      // Only the app's own stylesheet is inlined (from the app); the other link is dropped.
      expect(css).toEqual(["/_next/static/chunks/x.css"]);
      expect(ready).not.toContain(`${base}/linked.css`);
      const { pdf } = await pdfFromHtml(ready, { clinicId: a.clinicId, format: "Letter" });
      expect((await pdfPages(pdf)).join(" ")).toContain(name);
      expect(hits).toEqual([]);
      // Without the Content-Security-Policy (the HTML handed over as it came), the renderer's context still
      // lets nothing out (it is offline, and refuses any request it would send).
      const raw = await pdfFromHtml(hostile, { clinicId: a.clinicId, format: "Letter" });
      expect((await pdfPages(raw.pdf)).join(" ")).toContain(name);
      expect(hits).toEqual([]);
    } finally {
      server.close();
    }
  });
});
