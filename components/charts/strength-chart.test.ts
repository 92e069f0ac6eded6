import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { examEs } from "@/lib/i18n/clinic/exam";
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

describe("StrengthChart in the clinic's language", () => {
  it("says it all in Spanish when given the catalog's words, decimals with a comma", () => {
    const html = render({
      id: "abd",
      title: "Abducción de cadera",
      leftN: 196.133,
      rightN: null,
      unit: "kgf",
      weakerSide: "left",
      symmetryPercent: 71.4,
      previous: { leftN: 180, rightN: null, label: "Visita anterior (28 de octubre de 2026)" },
      words: examEs.chart,
    });
    expect(html).toContain('<title id="abd-title">Abducción de cadera, izquierda y derecha</title>');
    expect(html).toContain(
      "Abducción de cadera: izquierda 20,0 kgf, derecha no registrado; simetría 71 %, más débil la izquierda. Visita anterior (28 de octubre de 2026): izquierda 18,4 kgf, derecha no registrado.",
    );
    expect(html).toContain(">Izquierda</text>");
    expect(html).toContain("◂ más débil");
    expect(html).not.toMatch(/Left|Right|weaker|not recorded/);
  });
});
