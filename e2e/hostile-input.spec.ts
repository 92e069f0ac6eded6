// Odd input over HTTP, as an attacker or an unlucky paste sends it: a 4xx with a plain message or a clean
// save, never a 500. (The property-based fuzz of every validator and save is lib/forms/hostile-input.int.test.ts;
// the fault run's fuzz drives the same actions over HTTP and prints how many inputs it tried.)
import path from "node:path";
import { expect, patientWithVisit, signIn, test } from "./fixtures";
import { actionId, examBody, TARGETS } from "../scripts/faults/targets";

test("a server action answers 413 to a body over 1 MB and 400 to unreadable or deeply nested JSON; a NUL or lone surrogate is saved cleaned", async ({
  page,
  clinician,
}) => {
  const { visitId } = await patientWithVisit(clinician);
  await signIn(page, clinician);
  const root = path.resolve(".");
  const post = (pagePath: string, id: string, body: string) =>
    page.request.post(pagePath, {
      headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
      data: body,
      maxRedirects: 0,
    });
  const exam = actionId(root, TARGETS.saveExam);
  const examPage = `/visits/${visitId}/exam`;

  const big = await post(examPage, exam, JSON.stringify([visitId, { note: "a".repeat(1_100_000) }, null]));
  expect(big.status()).toBe(413);
  expect(big.headers()["content-type"]).toContain("text/plain");
  expect(await big.text()).toContain("Request too large");

  for (const body of [
    `[${JSON.stringify(visitId)},${"[".repeat(20_000)}${"]".repeat(20_000)},null]`,
    `[${JSON.stringify(visitId)},${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)},null]`,
    "{not json",
  ]) {
    const r = await post(examPage, exam, body);
    expect(r.status()).toBe(400);
    expect(await r.text()).toContain("Request not understood");
  }

  // A version past int4 is refused as a value; the exam saves once the version is sane.
  expect((await post(examPage, exam, JSON.stringify([visitId, examBody(1), 2 ** 31]))).status()).toBe(200);

  // A patient name with a NUL, a lone surrogate, a right-to-left override and a zero-width space.
  const create = actionId(root, TARGETS.createPatient);
  const lastName = `Hostile${Date.now()}`;
  const r = await post(
    "/patients/new",
    create,
    `[{"firstName":"An\\u0000n\\ud800a\\u202e\\u200b","lastName":"${lastName}","dateOfBirth":"1980-01-01","sex":"OTHER","email":"","phone":""}]`,
  );
  expect(r.status()).toBeLessThan(500);
  const { db } = await import("../lib/db");
  const rows = await db().patient.findMany({ where: { lastName }, select: { firstName: true } });
  expect(rows).toEqual([{ firstName: "Anna" }]);
});
