import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TrendChart } from "./trend-chart";

const render = (props: Parameters<typeof TrendChart>[0]) => renderToStaticMarkup(createElement(TrendChart, props));

describe("TrendChart renders on the server, for screen and print", () => {
  const pain = {
    id: "pain",
    title: "Knee pain",
    unit: "/10",
    labels: ["1 Sep 26", "1 Oct 26"],
    yMax: 10,
    series: [
      { name: "Now", values: [4, 1] },
      { name: "Worst", values: [7, null] },
    ],
  };

  it("is an image whose description says every figure, with the same figures as a table", () => {
    const html = render(pain);
    expect(html).toContain('<svg role="img" aria-labelledby="pain-title pain-desc"');
    expect(html).toContain('<desc id="pain-desc">Knee pain. 1 Sep 26: Now 4/10, Worst 7/10; 1 Oct 26: Now 1/10, Worst not recorded.</desc>');
    expect(html).toContain("<summary>Knee pain: the figures</summary>");
    expect(html).toMatch(/<th scope="row">1 Oct 26<\/th><td>1\/10<\/td><td>–<\/td>/);
  });

  it("tells series apart without colour: each has its own dash pattern and marker shape", () => {
    const html = render(pain);
    const lines = [...html.matchAll(/<polyline[^>]*>/g)].map((m) => m[0]);
    // "Worst" has one point, so only "Now" draws a line (solid); the legend draws both patterns.
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("stroke-dasharray");
    expect(html).toMatch(/<line[^>]*stroke-dasharray="6 4"/);
    expect(html).toContain("<circle");
    expect(html).toMatch(/<rect x="[\d.]+" y="[\d.]+" width="9" height="9"/);
  });

  it("rings a marked point and writes its mark, and labels a reference line", () => {
    const html = render({
      id: "k",
      title: "Kujala",
      unit: "",
      labels: ["a", "b"],
      series: [{ name: "Kujala", values: [70, 82], marks: [null, "+12"], notes: [null, "+12 since the visit before, meaningful"] }],
      reference: { value: 90, label: "90: goal" },
    });
    expect(html.match(/r="9"/g)).toHaveLength(1);
    expect(html).toContain(">+12</text>");
    expect(html).toContain(">90: goal</text>");
    expect(html).toContain("b: Kujala 82 (+12 since the visit before, meaningful)");
  });
});
