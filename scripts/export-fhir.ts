// npm run export:fhir -- --clinic <clinic id> --out <folder> [--origin https://clinic.example]
// Writes a whole clinic's records as FHIR R4 Bulk Data NDJSON (one file per resource type) from the
// configured database (DATABASE_URL, else the embedded one), streaming a batch of patients at a time.
// --origin is the app's address, for the signed PDFs' links (default NEXTAUTH_URL, else http://localhost:3000).
import { parseArgs } from "node:util";
import { withConfiguredDatabase } from "./lib/configured-db.ts";

const { values } = parseArgs({ options: { clinic: { type: "string" }, out: { type: "string" }, origin: { type: "string" } } });

function fail(message: string): never {
  console.error(message);
  console.error("Usage: npm run export:fhir -- --clinic <clinic id> --out <folder> [--origin https://clinic.example]");
  process.exit(2);
}

if (!values.clinic || !/^[0-9a-f-]{36}$/i.test(values.clinic)) fail("--clinic: the clinic's id (a UUID) is required.");
if (!values.out) fail("--out: the folder to write the NDJSON files to is required.");
const origin = (values.origin ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");

await withConfiguredDatabase(async (cfg) => {
  process.env.DATABASE_URL = cfg.appUrl;
  const { exportClinicNdjson } = await import("../lib/data/fhir-bulk.ts");
  const { db } = await import("../lib/db.ts");
  try {
    if (!(await db().clinic.findUnique({ where: { id: values.clinic! }, select: { id: true } }))) fail(`--clinic: no clinic ${values.clinic}.`);
    const started = performance.now();
    const r = await exportClinicNdjson(values.clinic!, values.out!, origin);
    const s = (performance.now() - started) / 1000;
    console.log(`Exported ${r.patients} patients in ${s.toFixed(1)} s (${Math.round(r.patients / s)} patients/s) to ${values.out}:`);
    for (const [type, n] of Object.entries(r.counts)) console.log(`  ${type}.ndjson  ${n}`);
    console.log(`Peak memory (RSS): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  } finally {
    await db().$disconnect();
  }
}).catch((e: unknown) => fail(String(e instanceof Error ? e.message : e)));
