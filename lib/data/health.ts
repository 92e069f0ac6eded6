import "server-only";
import { db } from "../db";

/** A real round trip to the database, bounded by `timeoutMs` whatever the driver does. */
export async function pingDatabase(timeoutMs = 2500): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = db().$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`.then((rows) => rows[0]?.ok === 1).catch(() => false);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
