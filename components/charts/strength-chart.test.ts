import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StrengthChart } from "./strength-chart";

const render = (props: Parameters<typeof StrengthChart>[0]) => renderToStaticMarkup(createElement(StrengthChart, props));

describe("StrengthChart renders on the server, for screen and print", () => {
  it("is an image with a text alternative that says what the bars show", () => {
    const html = render({ id: "abd", title: "Hip abduction", leftN: 150, rightN: 210, weakerSide: "left", symmetryPercent: 71.4 });
    expect(html).toMatch(/^<svg role="img" aria-labelledby="abd-title abd-desc"/);
    expect(html).toContain('<title id="abd-title">Hip abduction, left and right</title>');
    expect(html).toContain('<desc id="abd-desc">Hip abduction: left 150 N, right 210 N; symmetry 71%, left weaker.</desc>');
    expect(html).toContain("◂ weaker");
  });

  it("tells left from right without colour: the right bar is hatched", () => {
    const html = render({ id: "abd", title: "Hip abduction", leftN: 150, rightN: 210 });
    expect(html).toContain('<pattern id="abd-hatch"');
    expect(html).toMatch(/<rect[^>]*fill="url\(#abd-hatch\)"/);
  });

  it("says 'not recorded' for a missing side and marks the previous visit", () => {
    const html = render({
      id: "ext",
      title: "Hip extension",
      leftN: null,
      rightN: 240,
      previous: { leftN: null, rightN: 220, label: "Previous visit (28 Oct 2026)" },
    });
    expect(html).toContain("not recorded");
    expect(html).toContain("Previous visit (28 Oct 2026): left not recorded, right 220 N.");
    expect(html).toContain('stroke-dasharray="3 2"');
  });

  it("shows values in kg-force when asked", () => {
    expect(render({ id: "a", title: "Hip abduction", leftN: 196.133, rightN: null, unit: "kgf" })).toContain("20.0 kgf");
  });
});
