// npm run audit:verify: check the audit trail's hash chain in the configured database (DATABASE_URL, else
// the embedded one the demo keeps in .data/). Exits 0 when every row is in place and unchanged; exits 1
// naming the first changed or missing row; 2 when it could not check.
import { withConfiguredDatabase } from "./lib/configured-db.ts";
import { describeProblem, verifyAuditChain } from "./lib/audit-verify.ts";

try {
  const code = await withConfiguredDatabase(async (db) => {
    const r = await verifyAuditChain(db.appUrl);
    if (r.ok) {
      console.log(`Audit trail intact: ${r.rows} events, seq 1 to ${r.lastSeq}, every hash verified.`);
      return 0;
    }
    console.error(`Audit trail NOT intact after ${r.rows} verified events.`);
    console.error(`First problem: ${describeProblem(r.first)}`);
    return 1;
  });
  process.exit(code);
} catch (e) {
  const msg = e instanceof Error ? e.message : String(e);
  console.error(/relation "AuditEvent" does not exist/.test(msg) ? "No audit trail in this database: it has not been migrated (npm run db:migrate)." : `Could not check the audit trail: ${msg}`);
  process.exit(2);
}
