import { inject } from "vitest";

// The app's own connection (lib/db.ts reads DATABASE_URL): the non-owner role, as in production.
process.env.DATABASE_URL = inject("appDatabaseUrl");
process.env.OWNER_DATABASE_URL = inject("ownerDatabaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-integration-test-secret";
// A fixed test keyring (32 bytes of 0x11), never a deployment's.
process.env.FIELD_KEYS ??= `k1:${Buffer.alloc(32, 0x11).toString("base64")}`;
