// `npm run demo` seeds through the app's own data layer: every demo runner taken from the example cases
// must end with a signed summary that says what the case says (plan, plan on hold, or referral).
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_CASES, seedDemo } from "@/prisma/seed";
import { asOwner } from "./db";
import { getVisitTrends } from "@/lib/data/trends";
import { clinicianActor } from "@/prisma/factories";
import { decryptJson } from "@/lib/crypto/fields";

describe("the demo seed", () => {
  let seeded: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    seeded = await seedDemo();
  });

  it("signs a summary for every demo runner, with the status its example case has", async () => {
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
      const golden = JSON.parse(readFileSync(path.join(import.meta.dirname, "golden", `${c.file}.json`), "utf8")) as {
        status: string;
        plan: { runningOnHold: boolean } | null;
      };
      const row = rows.find((r) => r.firstName === c.firstName && r.lastName === c.lastName);
      expect(row, `${c.firstName} ${c.lastName} (${c.file})`).toBeDefined();
      expect(row!.status).toBe("SUMMARY_FINALIZED");
      expect(row!.generated.status, c.file).toBe(golden.status);
      expect(row!.generated.plan?.runningOnHold ?? null, c.file).toBe(golden.plan?.runningOnHold ?? null);
      expect(row!.locale, `${c.firstName}'s language`).toBe(c.locale ?? "en-US");
    }
  });

  it("gives Dana three visits, so her patient page shows the trends across visits", async () => {
    const [dana] = await asOwner<{ id: string; clinicId: string; userId: string }>(
      `SELECT p.id, p."clinicId", u.id AS "userId" FROM "Patient" p JOIN "User" u ON u."clinicId" = p."clinicId" AND u.email = 'clinician@demo.example'
        WHERE p."firstName" = 'Dana' AND p."lastName" = 'Whitfield' ORDER BY p."createdAt" DESC LIMIT 1`,
    );
    const trends = await getVisitTrends(await clinicianActor({ id: dana!.userId }, dana!.clinicId), dana!.id);
    expect(trends!.enough).toBe(true);
    expect(trends!.visits).toHaveLength(3);
    expect(trends!.visits.filter((v) => v.strength.hipAbduction)).toHaveLength(2);
    expect(trends!.akps.points.map((p) => p.score)).toHaveLength(3);
  });
});
