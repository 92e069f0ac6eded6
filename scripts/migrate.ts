// npm run db:migrate: apply every committed migration to the configured database, as the tables' owner
// (MIGRATE_DATABASE_URL, else DATABASE_URL; with neither, the embedded demo database in .data/).
import { withConfiguredDatabase } from "./lib/configured-db.ts";

withConfiguredDatabase(async (db) => console.log(db.embedded ? "Migrated the embedded database." : "Migrated the database."), { migrate: true }).catch(
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
