// npm run keys:rotate: re-encrypt the encrypted free text and two-factor secrets of the configured database
// (DATABASE_URL's, as MIGRATE_DATABASE_URL's owner role when set; else the demo's) under FIELD_KEYS's
// current key, while the app runs. Plain values from before encryption are encrypted too. Prints counts;
// a second run rewrites nothing. docs/operations.md, "Field encryption keys", says when to run it.
import { parseKeyring } from "../lib/crypto/fields.ts";
import { withConfiguredDatabase } from "./lib/configured-db.ts";
import { rotateFieldKeys } from "./lib/keys-rotate.ts";

try {
  const started = Date.now();
  const r = await withConfiguredDatabase(async (db) => {
    // Read after withConfiguredDatabase: beside the demo it supplies the demo's keys.
    const ring = parseKeyring(process.env.FIELD_KEYS);
    console.log(`Re-encrypting under key "${ring.current}" (${ring.keys.size} key${ring.keys.size === 1 ? "" : "s"} in FIELD_KEYS)…`);
    return rotateFieldKeys(db.ownerUrl, ring, { log: (s) => console.log(s) });
  });
  for (const c of r.counts) {
    console.log(
      `  ${c.table}: ${c.scanned} rows looked at, ${c.rewritten} re-encrypted${c.retried ? `, ${c.retried} changed by the app meanwhile and taken again` : ""}${c.unfinished ? `, ${c.unfinished} still changing: run again` : ""}`,
    );
  }
  const total = r.counts.reduce((n, c) => n + c.rewritten, 0);
  console.log(
    `Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${total} rows re-encrypted.${r.retiredKeyIds.length ? ` No value uses key ${r.retiredKeyIds.map((k) => `"${k}"`).join(", ")} any more: it may leave FIELD_KEYS once every instance has the new keyring.` : ""}`,
  );
  if (r.counts.some((c) => c.unfinished)) process.exitCode = 1;
} catch (e) {
  console.error(`Key rotation failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
