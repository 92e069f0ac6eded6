import { describe, expect, it } from "vitest";
import { compactPlanText } from "./read-path";

describe("compactPlanText", () => {
  it("shortens long parameter lists and id arrays and leaves short ones", () => {
    const params = Array.from({ length: 200 }, (_, i) => `$${i + 1}`).join(",");
    expect(compactPlanText(`WHERE id IN (${params}) OFFSET $201`)).toBe("WHERE id IN ($1, …, $200) OFFSET $201");
    expect(compactPlanText("LIMIT $2 OFFSET $3")).toBe("LIMIT $2 OFFSET $3");
    const ids = Array.from({ length: 6 }, (_, i) => `0000000${i}-0000-4000-8000-000000000000`).join(",");
    expect(compactPlanText(`(id = ANY ('{${ids}}'::uuid[]))`)).toBe("(id = ANY ('{… 6 ids}'::uuid[]))");
    expect(compactPlanText("'{00000000-0000-4000-8000-000000000000}'")).toBe("'{00000000-0000-4000-8000-000000000000}'");
  });
});
