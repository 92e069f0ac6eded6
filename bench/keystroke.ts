// Browser: the cost of one keystroke in the clinician's full exam form, measured inside Debian's Chromium
// (moved here from an end-to-end test: a timing is a figure to track, not a pass/fail on a shared
// CI machine). Each keystroke as the browser delivers it (an input event on a trial's force field), timed from
// the event to the page laid out again: React's update, the derived values, the strength chart, style and
// layout. The median and the 90th percentile of 60 keystrokes, on a desktop-sized window.
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "../lib/chromium.ts";
import { percentile, round } from "./figures.ts";
import { newVisit, signedInClinician, type BenchWorld } from "./setup.ts";

export interface KeystrokeResult {
  samples: number;
  medianMs: number;
  p90Ms: number;
}

export async function measureKeystroke(w: BenchWorld, opts: { samples?: number } = {}): Promise<KeystrokeResult> {
  const samples = opts.samples ?? 60;
  const { clinicianActor, fullExam } = await import("../prisma/factories.ts");
  const { saveExam } = await import("../lib/data/exams.ts");
  const { visitId } = await newVisit(w, 0);
  const actor = await clinicianActor({ id: w.clinic.userId }, w.clinic.id);
  const saved = await saveExam(actor, visitId, fullExam(), null);
  if (!saved.ok) throw new Error(`exam not saved: ${JSON.stringify(saved)}`);
  const clinician = await signedInClinician(w);
  const executablePath = findChromium();
  if (!executablePath) throw new Error("No Chromium for the keystroke figure");
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const url = new URL(w.app.url);
    await context.addCookies([...clinician.jar].map(([name, value]) => ({ name, value, domain: url.hostname, path: "/" })));
    const page = await context.newPage();
    await page.goto(`${w.app.url}/visits/${visitId}/exam`);
    await page.getByRole("img", { name: /Hip abduction, left and right/ }).waitFor();
    const times = await page.evaluate(async (n) => {
      const el = document.getElementById("f-strength-hipAbduction-left-trialsN-0") as HTMLInputElement;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        setValue.call(el, String(100 + ((i * 37) % 150)));
        el.dispatchEvent(new Event("input", { bubbles: true }));
        void document.body.offsetHeight;
        out.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 25));
      }
      return out;
    }, samples);
    return { samples, medianMs: round(percentile(times, 50), 1), p90Ms: round(percentile(times, 90), 1) };
  } finally {
    await browser.close();
  }
}
