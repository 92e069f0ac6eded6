// npm run audit:verify: check the audit trail's hash chains in the configured database (DATABASE_URL, else
// the embedded one the demo keeps in .data/): the legacy chain up to the per-clinic cut-over, then each
// clinic's chain and the no-clinic chain, one line each. Exits 0 when every row of every chain is in place
// and unchanged; exits 1 naming each broken chain's first changed or missing row; 2 when it could not check.
import { withConfiguredDatabase } from "./lib/configured-db.ts";
import { describeChainResult, describeProblem, verifyAuditChain } from "./lib/audit-verify.ts";

try {
  const code = await withConfiguredDatabase(async (db) => {
    const r = await verifyAuditChain(db.appUrl);
    for (const chain of r.chains) (chain.ok ? console.log : console.error)(describeChainResult(chain));
    if (r.ok) {
      console.log(`Audit trail intact: ${r.rows} events in ${r.chains.length} chains, every hash verified.`);
      return 0;
    }
    const broken = r.chains.filter((x) => !x.ok).length;
    console.error(`Audit trail NOT intact: ${broken} of ${r.chains.length} chains broken.`);
    console.error(`First problem: ${describeProblem(r.first)}`);
    return 1;
  });
  process.exit(code);
} catch (e) {
  const msg = e instanceof Error ? e.message : String(e);
  console.error(
    /relation "AuditEvent" does not exist/.test(msg)
      ? "No audit trail in this database: it has not been migrated (npm run db:migrate)."
      : `Could not check the audit trail: ${msg}`,
  );
  process.exit(2);
}
