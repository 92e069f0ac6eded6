// `npm run demo` seeds through the app's own data layer: every demo runner taken from the example cases
// must end with a signed summary that says what the case says (plan, plan on hold, or referral).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_CASES, seedDemo } from "@/prisma/seed";
import { asOwner } from "./db";
import { decryptJson } from "@/lib/crypto/fields";

describe("the demo seed", () => {
  it("signs a summary for every demo runner, with the status its example case has", async () => {
    const seeded = await seedDemo();
    expect(seeded.clinicName).toBe("Riverside Running Clinic");
    type Generated = { status: string; plan: { runningOnHold: boolean } | null };
    const stored = await asOwner<{ firstName: string; lastName: string; locale: string; status: string; generated: unknown }>(
      `SELECT p."firstName", p."lastName", p.locale, v.status, s.generated
         FROM "Visit" v JOIN "Patient" p ON p.id = v."patientId" JOIN "Summary" s ON s."visitId" = v.id
         JOIN "Clinic" c ON c.id = v."clinicId"
        WHERE c.name = 'Riverside Running Clinic' AND s.state = 'FINAL'`,
    );
    // Stored encrypted whole (ADR 0029); read as the app reads it.
    const rows = stored.map((r) => ({ ...r, generated: decryptJson<Generated>(r.generated) }));
    for (const c of DEMO_CASES) {
      const golden = JSON.parse(readFileSync(path.join(import.meta.dirname, "golden", `${c.file}.json`), "utf8")) as { status: string; plan: { runningOnHold: boolean } | null };
      const row = rows.find((r) => r.firstName === c.firstName && r.lastName === c.lastName);
      expect(row, `${c.firstName} ${c.lastName} (${c.file})`).toBeDefined();
      expect(row!.status).toBe("SUMMARY_FINALIZED");
      expect(row!.generated.status, c.file).toBe(golden.status);
      expect(row!.generated.plan?.runningOnHold ?? null, c.file).toBe(golden.plan?.runningOnHold ?? null);
      expect(row!.locale, `${c.firstName}'s language`).toBe(c.locale ?? "en-US");
    }
  });
});
