import { describe, expect, it } from "vitest";
import { MESSAGE_KINDS, oneLine, PATIENT_KINDS, renderMessage } from "./templates";

const clinic = { name: "Riverside Running Physio", phone: "+1 555 0100" };
const ctx = { clinic, firstName: "Maya", visitDate: "Tuesday 8 December", link: "https://clinic.example/i/abc", optOutLink: "https://clinic.example/o/x.y" };

describe("the message catalog", () => {
  it.each(MESSAGE_KINDS)("%s: names the clinic and its phone, in plain text and HTML, with no diagnosis or finding", (kind) => {
    const m = renderMessage(kind, { ...ctx, failedKind: "invite" });
    expect(m.subject).toContain(clinic.name);
    expect(m.text).toContain(clinic.phone);
    expect(m.html).toContain(clinic.phone);
    for (const part of [m.subject, m.text, m.html]) {
      expect(part).not.toMatch(/patellofemoral|diagnos|weak|asymmetr|red flag|refer|injur|pain score/i);
    }
  });

  it("every message to a patient carries the opt-out link; clinic notices do not", () => {
    for (const kind of MESSAGE_KINDS) {
      const m = renderMessage(kind, ctx);
      expect(m.text.includes(ctx.optOutLink), kind).toBe(PATIENT_KINDS.includes(kind));
    }
  });

  it("the link the message exists for is in both parts", () => {
    for (const kind of ["invite", "reminder", "summary"] as const) {
      const m = renderMessage(kind, ctx);
      expect(m.text).toContain(ctx.link);
      expect(m.html).toContain(`href="${ctx.link}"`);
    }
  });

  it("a name cannot break a header or the HTML", () => {
    const m = renderMessage("invite", { ...ctx, clinic: { name: "Evil\r\nBcc: x@evil.example", phone: null }, firstName: "<script>alert(1)</script>\nX" });
    expect(m.subject).not.toMatch(/[\r\n]/);
    expect(m.subject).toBe("Evil Bcc: x@evil.example: a few questions before your visit");
    expect(m.html).not.toContain("<script>");
    expect(m.html).toContain("&lt;script&gt;");
    expect(oneLine("a\u2028b\u0000c\td")).toBe("a b c d");
  });
});

describe("a patient's message is in the patient's language", () => {
  const patientKinds = MESSAGE_KINDS.filter((k) => PATIENT_KINDS.includes(k));

  it.each(patientKinds)("%s in Spanish: every sentence translated, the link, the phone and the opt-out kept", (kind) => {
    const en = renderMessage(kind, ctx);
    const es = renderMessage(kind, { ...ctx, locale: "es", visitDate: "martes, 8 de diciembre" });
    expect(es.subject).not.toBe(en.subject);
    expect(es.subject).toContain(clinic.name);
    // No English sentence of the same message survives in the Spanish one.
    for (const sentence of en.text.split(/(?<=[.:,])\s+|\n+/).filter((s) => s.length > 12 && !s.includes("http") && !s.includes(clinic.name))) {
      expect(es.text, sentence).not.toContain(sentence);
    }
    expect(es.text).not.toMatch(/\b(the|your|please|link|answers|questions|emails)\b/i);
    expect(es.text).toContain(clinic.phone);
    expect(es.text).toContain(ctx.optOutLink);
    expect(es.html).toContain('<html lang="es">');
    if (kind !== "intake-received") expect(es.html).toContain(`href="${ctx.link}"`);
  });

  it("British English reads as the English catalog", () => {
    expect(renderMessage("invite", { ...ctx, locale: "en-GB" })).toEqual(renderMessage("invite", ctx));
    expect(renderMessage("clinic-link-locked", { ...ctx, locale: "en-GB" })).toEqual(renderMessage("clinic-link-locked", ctx));
  });

  it.each(["clinic-link-locked", "clinic-undeliverable"] as const)("a notice to a clinic that works in Spanish is in Spanish (%s)", (kind) => {
    const en = renderMessage(kind, { ...ctx, failedKind: "summary" });
    const es = renderMessage(kind, { ...ctx, locale: "es", failedKind: "summary" });
    expect(es.text).not.toBe(en.text);
    expect(es.subject).toContain(clinic.name);
    expect(es.text).not.toMatch(/\b(the|your|please|link|answers|questions|emails|visit|patient)\b/i);
    expect(es.html).toContain('<html lang="es">');
    expect(es.html).toContain(`href="${ctx.link}"`);
  });
});
