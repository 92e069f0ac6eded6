import { inject } from "vitest";

// The app's own connection (lib/db.ts reads DATABASE_URL): the non-owner role, as in production.
process.env.DATABASE_URL = inject("appDatabaseUrl");
process.env.OWNER_DATABASE_URL = inject("ownerDatabaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-integration-test-secret";
