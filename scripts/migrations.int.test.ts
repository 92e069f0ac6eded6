import { describe, expect, it } from "vitest";
import { checkSchemaMatchesMigrations } from "./prisma";

describe("migrations", () => {
  it("cover every change in prisma/schema.prisma", () => {
    const r = checkSchemaMatchesMigrations(process.env.OWNER_DATABASE_URL!);
    expect(r).toEqual({ ok: true });
  });
});
