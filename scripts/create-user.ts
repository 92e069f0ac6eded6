// npm run user:create -- --email ana@clinic.example --name "Ana Silva" [--role ADMIN|CLINICIAN]
//                        [--clinic "Clinic name" [--time-zone America/Toronto] | --clinic-id <uuid>]
// Creates a clinician or admin account in the configured database (DATABASE_URL, else the embedded one).
// With --clinic, a new clinic of that name is created first, in --time-zone (an IANA name; default: this
// machine's zone); with --clinic-id, the account joins it.
// The password is generated and printed once; the user changes it after signing in.
import type { StaffRole } from "../lib/data/actors.ts";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { isTimeZone } from "../lib/assessment/settings.ts";
import { withConfiguredDatabase } from "./lib/configured-db.ts";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "CLINICIAN" },
    clinic: { type: "string" },
    "clinic-id": { type: "string" },
    "time-zone": { type: "string" },
  },
});

function fail(message: string): never {
  console.error(message);
  console.error(
    'Usage: npm run user:create -- --email ana@clinic.example --name "Ana Silva" [--role ADMIN|CLINICIAN] (--clinic "Name" [--time-zone America/Toronto] | --clinic-id <uuid>)',
  );
  process.exit(2);
}

if (!values.email || !/^[^\s@]+@[^\s@]+$/.test(values.email)) fail("--email: an email address is required.");
if (!values.name) fail("--name: the person's name is required.");
if (values.role !== "ADMIN" && values.role !== "CLINICIAN") fail("--role: ADMIN or CLINICIAN.");
if (!values.clinic === !values["clinic-id"]) fail("Give either --clinic (a new clinic's name) or --clinic-id (an existing clinic).");
if (values["time-zone"] !== undefined && !values.clinic) fail("--time-zone: only with --clinic (an existing clinic's zone is in its settings).");
const timeZone = values["time-zone"] ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
if (!isTimeZone(timeZone)) fail(`--time-zone: "${timeZone}" is not a time zone name; use one such as America/Toronto or Europe/London.`);

class Refused extends Error {}

await withConfiguredDatabase(async (db) => {
  process.env.DATABASE_URL = db.appUrl;
  const { createClinic } = await import("../lib/data/clinics.ts");
  const { createUser } = await import("../lib/data/users.ts");
  const { db: prisma } = await import("../lib/db.ts");
  try {
    let clinicId = values["clinic-id"];
    if (values.clinic) clinicId = (await createClinic({ name: values.clinic, settings: { timeZone } })).id;
    else if (!(await prisma().clinic.findUnique({ where: { id: clinicId! }, select: { id: true } }))) throw new Refused(`--clinic-id: no clinic ${clinicId}.`);
    const password = randomBytes(15).toString("base64url");
    const exists = await prisma().user.findUnique({ where: { email: values.email!.toLowerCase() }, select: { id: true } });
    if (exists) throw new Refused(`--email: an account with ${values.email} already exists.`);
    await createUser({ clinicId: clinicId!, email: values.email!, name: values.name!, role: values.role as StaffRole, password, mustChangePassword: true });
    console.log(`Created ${values.role === "ADMIN" ? "an admin" : "a clinician"} account for ${values.email} (clinic ${clinicId}).`);
    if (values.clinic) console.log(`Clinic time zone: ${timeZone} (an admin can change it in Clinic settings).`);
    console.log(`One-time password: ${password}`);
    console.log("Share it privately; it is not stored anywhere in readable form.");
  } finally {
    await prisma().$disconnect();
  }
}).catch((e: unknown) => fail(e instanceof Refused ? e.message : String(e)));
