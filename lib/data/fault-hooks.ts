import "server-only";
import { env } from "../env";

// The one place a fault test reaches into the data layer: with FAULT_DELAY_MS set (refused in production
// unless STRIDE_FAULT_TESTS=1, lib/env.ts), a save waits that long before it commits, so `npm run test:faults`
// can kill the server or the database mid-transaction. Unset, every call here is a no-op.

/** How long a save holds its transaction open before committing (0: not at all). */
export const faultDelayMs = (): number => env().FAULT_DELAY_MS;

/** Wait before committing, when a fault test asked for it. */
export async function pauseBeforeCommit(): Promise<void> {
  const ms = faultDelayMs();
  if (ms > 0) await new Promise((r) => setTimeout(r, ms));
}
