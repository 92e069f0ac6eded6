// Runs once when the server starts. A production server without a proper NEXTAUTH_SECRET stops here, with
// a message naming it, instead of starting and failing on the first sign-in (security-requirements §4.5);
// so does any server with a missing, malformed or wrong FIELD_KEYS, or a malformed TRUSTED_PROXIES. Then every request gets its client address stamped.
// Then the message worker starts in this process (docs/decisions/0016-messages.md), unless
// MESSAGE_WORKER=off (an instance that only serves pages).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NODE_ENV === "production") {
    const secret = process.env.NEXTAUTH_SECRET ?? "";
    if (secret.length < 32) {
      console.error("Configuration error:\n  NEXTAUTH_SECRET: required in production, at least 32 characters (openssl rand -base64 32)");
      process.exit(1);
    }
  }
  // The keys for encrypted notes and two-factor secrets (lib/crypto/fields.ts): missing or malformed stops
  // every server, in any mode, naming FIELD_KEYS; then the keys are compared with the database's key checks,
  // so a wrong key stops it too instead of failing on the first note a page shows.
  const { FieldCryptoError, keyring } = await import("./lib/crypto/fields");
  try {
    keyring();
  } catch (e) {
    console.error(`Configuration error:\n  ${(e as Error).message}`);
    process.exit(1);
  }
  const { checkFieldKeys } = await import("./lib/data/field-key-check");
  try {
    await checkFieldKeys();
  } catch (e) {
    if (e instanceof FieldCryptoError) {
      console.error(`Configuration error:\n  ${e.message}`);
      process.exit(1);
    }
    // A database that is down at start must not stop the app; each encrypted value is still checked as read.
    console.error("[keys] FIELD_KEYS could not be compared with the database (unreachable?); encrypted values are checked as they are read.");
  }
  // Each request's client address, from the socket or through TRUSTED_PROXIES only (lib/auth/client-address.ts).
  const { installClientAddress } = await import("./lib/auth/client-address");
  try {
    installClientAddress();
  } catch (e) {
    console.error(`Configuration error:\n  ${(e as Error).message}`);
    process.exit(1);
  }
  if (process.env.MESSAGE_WORKER === "off") return;
  const { startMessageWorker } = await import("./lib/messages/worker");
  // A database that is down at start must not stop the app: the worker tries again in a minute.
  const attempt = () =>
    startMessageWorker().catch(() => {
      console.error("[messages] The message worker could not start (database unreachable?); trying again in a minute.");
      (globalThis as { strideMessageWorker?: unknown }).strideMessageWorker = undefined;
      setTimeout(attempt, 60_000).unref();
    });
  await attempt();
}
