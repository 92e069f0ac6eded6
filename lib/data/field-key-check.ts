import "server-only";
import { sql } from "../db";
import { decryptText, encryptText, FIELD_KEYS_VAR, FieldCryptoError, keyring, type Keyring } from "../crypto/fields";

// At start, FIELD_KEYS is compared with the database it serves (docs/decisions/0029-field-encryption.md):
// each key id that has encrypted anything left a known text sealed under it in "FieldKeyCheck". A key that
// does not open its own check, or a key id the database still needs and FIELD_KEYS lacks, stops the server
// with a plain message naming the variable, before any page could show a note it cannot read.

export const KEY_CHECK_TEXT = "stride field key check";

/** Problems with the keyring against the database, as plain sentences (empty: all well). */
export function keyProblems(rows: { keyId: string; check: string }[], ring: Keyring): string[] {
  const problems: string[] = [];
  for (const r of rows) {
    if (!ring.keys.has(r.keyId)) {
      problems.push(`${FIELD_KEYS_VAR} has no key "${r.keyId}", and this database holds values encrypted with it: add that key after the current one.`);
      continue;
    }
    let opened: string | null = null;
    try {
      opened = decryptText(r.check, ring);
    } catch {
      opened = null;
    }
    if (opened !== KEY_CHECK_TEXT)
      problems.push(
        `${FIELD_KEYS_VAR}'s key "${r.keyId}" is not the key this database's values under "${r.keyId}" were encrypted with (a wrong or mistyped key).`,
      );
  }
  return problems;
}

/** Throws a FieldCryptoError naming FIELD_KEYS when the keys do not fit the database; records the current
 * key's check the first time it is used. Database errors are thrown as they are (the caller decides). */
export async function checkFieldKeys(ring: Keyring = keyring()): Promise<void> {
  const rows = await sql<{ keyId: string; check: string }>(`SELECT "keyId", "check" FROM "FieldKeyCheck"`);
  const problems = keyProblems(rows, ring);
  if (problems.length) throw new FieldCryptoError(problems.join("\n  "));
  if (!rows.some((r) => r.keyId === ring.current)) {
    await sql(`INSERT INTO "FieldKeyCheck" ("keyId", "check") VALUES ($1, $2) ON CONFLICT ("keyId") DO NOTHING`, [
      ring.current,
      encryptText(KEY_CHECK_TEXT, ring),
    ]);
  }
}
