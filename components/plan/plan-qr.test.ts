import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { encode } from "uqr";
import { describe, expect, it } from "vitest";
import { PlanQr } from "./plan-qr";

describe("the My plan QR code on the printed sheet", () => {
  it("draws exactly the code's dark modules, with a quiet zone, as one labelled SVG", () => {
    const url = "https://clinic.example/i/3q2xVfJ0aH7bK9wLm4nP8rT1sY6uZ5cD0eF2gH4iJ6k";
    const html = renderToStaticMarkup(createElement(PlanQr, { url, label: "QR code that opens My plan on your phone" }));
    const { data } = encode(url, { ecc: "M", border: 2 });
    const dark = data.flat().filter(Boolean).length;
    expect(html).toMatch(/^<svg role="img" aria-label="QR code that opens My plan on your phone"/);
    expect(html).toContain(`viewBox="0 0 ${data.length} ${data.length}"`);
    expect(html.match(/M\d+ \d+h1v1h-1z/g)).toHaveLength(dark);
    // The quiet zone: no dark module in the outer two rows and columns.
    expect(data[0]!.some(Boolean) || data[1]!.some(Boolean) || data.some((row) => row[0] || row[1])).toBe(false);
  });
});
