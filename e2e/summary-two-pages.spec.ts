import pg from "pg";
import { clinicianActor, lengthenPlan, longestPlanEdits } from "../prisma/factories";
import { SummaryWords } from "../lib/i18n/summary";
import { summaryEn } from "../lib/i18n/summary-en";
import { summaryEs } from "../lib/i18n/summary-es";
import type { Assessment } from "../lib/assessment/types";
import { decryptJson, encryptJson } from "../lib/crypto/fields";
import { expect, intakeAnswers, patientWithVisit, pdfPages, signIn, test } from "./fixtures";

// The take-home sheet is two pages, on Letter and on A4, for the longest realistic plan (8 exercises, 3
// stretches, 12 calendar weeks of 6 sessions), and every page names the patient, the date and "page N of M".
// The plan is the engine's, with exercises added through the clinician's edits and the stretches and the
// calendar lengthened from the engine's own (prisma/factories.ts lengthenPlan).

async function owner<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
  const c = new pg.Client({ connectionString: process.env.OWNER_DATABASE_URL });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

// The sheet's own words in each language the patient may read (Spanish words are longer: it must still fit).
const SHEET = {
  en: {
    title: "Your visit summary",
    calendar: /Running calendar/,
    stop: "Stop and",
    page: (i: number, n: number) => `Page ${i} of ${n}`,
    date: /\d{1,2} [A-Z][a-z]{2} \d{4}/,
  },
  es: {
    title: "Resumen de su visita",
    calendar: /Calendario para correr/,
    stop: "Pare y",
    page: (i: number, n: number) => `Página ${i} de ${n}`,
    date: /\d{1,2} (de )?[a-zé]{3,10}\.? (de )?\d{4}/,
  },
} as const;

for (const locale of ["en", "es"] as const) {
  test(`the longest realistic plan prints on two pages, Letter and A4, each page with the name, the date and page N of M (${locale})`, async ({
    page,
    clinician,
    request,
  }) => {
    test.setTimeout(120_000);
    const words = SHEET[locale];
    const { visitId, firstName } = await patientWithVisit(clinician, {
      locale: locale === "es" ? "es" : undefined,
      intake: intakeAnswers({ running: { weeklyKm: { thisWeek: 40, lastWeek: 30, fourWeeksAgo: 25 }, downhill: "often", bankedRoads: "never" } }),
      exam: { left: 150, right: 200 },
    });
    const { getSummary, saveSummaryEdits, finalizeSummary } = await import("../lib/data/summaries");
    const actor = await clinicianActor({ id: clinician.userId }, clinician.clinicId);
    const draft = (await getSummary(actor, visitId))!;
    const exercises = await longestPlanEdits(draft.engineDraft.plan!.exercises);
    expect((await saveSummaryEdits(actor, visitId, { exercises }, null)).ok).toBe(true);
    expect((await finalizeSummary(actor, visitId)).ok).toBe(true);
    // The signed content is encrypted whole (ADR 0029): opened and sealed again with the run's keys.
    const [row] = await owner<{ id: string; content: unknown }>(`SELECT id, content FROM "Summary" WHERE "visitId" = $1 AND state = 'FINAL'`, [visitId]);
    const content = decryptJson<{ assessment: Assessment }>(row!.content);
    const long = await lengthenPlan(content.assessment);
    expect(long.plan!.exercises).toHaveLength(8);
    expect(long.plan!.stretches).toHaveLength(3);
    expect(long.returnToRun!.calendar).toHaveLength(12);
    expect(long.plan!.runningOnHold).toBe(false);
    await owner(`UPDATE "Summary" SET content = $2::jsonb WHERE id = $1`, [row!.id, JSON.stringify(encryptJson({ ...content, assessment: long }))]);

    await signIn(page, clinician);
    await page.goto(`/visits/${visitId}/print`);
    await expect(page.getByRole("heading", { name: words.title })).toBeVisible();
    await expect(page.getByRole("table", { name: words.calendar }).getByRole("row")).toHaveCount(13);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const name = `${firstName} Tester`;

    for (const paper of ["Letter", "A4"] as const) {
      // What the browser's own Print makes, and what "Download PDF" sends.
      const printed = await pdfPages(
        await page.pdf({
          format: paper,
          margin: { top: "10mm", bottom: "10mm", left: "10mm", right: "10mm" },
          path: test.info().outputPath(`long-${paper}.pdf`),
        }),
      );
      const res = await request.get(`/visits/${visitId}/print/pdf?version=patient&paper=${paper.toLowerCase()}`, { headers: { cookie } });
      expect(res.status()).toBe(200);
      const downloaded = await pdfPages(await res.body());
      for (const [how, pages] of [
        ["printed", printed],
        ["downloaded", downloaded],
      ] as const) {
        expect.soft(pages.length, `${how} on ${paper}: pages`).toBeLessThanOrEqual(2);
        pages.forEach((text, i) => {
          expect(text, `${how} ${paper} page ${i + 1} names the patient`).toContain(name);
          expect(text, `${how} ${paper} page ${i + 1} is dated`).toMatch(words.date);
          expect(text, `${how} ${paper} page ${i + 1} numbered`).toContain(words.page(i + 1, pages.length));
        });
        const all = pages.join(" ");
        expect(all).toContain(words.stop);
        // The last stretch and exercise made it onto the pages, named in the sheet's language.
        const named = locale === "en" ? new SummaryWords(summaryEn, "en-US") : new SummaryWords(summaryEs, "es");
        expect(all).toContain(named.exerciseName(long.plan!.stretches[2]!));
        expect(all).toContain(named.exerciseName(long.plan!.exercises[7]!));
        test.info().annotations.push({ type: "pages", description: `${locale}, ${paper}, ${how}: ${pages.length} pages` });
      }
    }
  });
}
