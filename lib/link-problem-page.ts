import "server-only";
import { messagesFor } from "./i18n";
import type { Messages } from "./i18n/en";
import { DEFAULT_LOCALE, type Locale } from "./i18n/locales";

type Reason = "invalid" | "expired" | "revoked" | "submitted" | "none" | "rate-limited" | "discharged";

const text = (l: Messages["link"]): Record<Reason, { title: string; body: string }> => ({
  invalid: { title: l.invalidTitle, body: l.invalidBody },
  expired: { title: l.expiredTitle, body: l.expiredBody },
  revoked: { title: l.revokedTitle, body: l.revokedBody },
  submitted: { title: l.submittedTitle, body: l.submittedBody },
  none: { title: l.noSessionTitle, body: l.noSessionBody },
  "rate-limited": { title: l.tooManyTitle, body: l.tooManyBody },
  discharged: { title: l.dischargedTitle, body: l.dischargedBody },
});

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small self-contained page for an unusable link: it says what happened and what to do, and nothing
 * about whose link it was. A route handler answers with it because a page cannot set a 410 status. */
export function linkProblemPage(reason: Reason, status: number, locale: Locale = DEFAULT_LOCALE): Response {
  const m = messagesFor(locale);
  const t = text(m.link)[reason];
  const html = `<!doctype html><html lang="${m.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(t.title)}</title><style>body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f5f6f3;color:#15191e;margin:0;font-size:1.125rem;line-height:1.5}main{max-width:640px;margin:0 auto;padding:16px}.card{background:#fff;border:1px solid #b9c0c8;border-radius:10px;padding:24px;margin-top:10vh}h1{font-size:1.5rem;line-height:1.25;margin:0 0 12px}</style></head><body><main><div class="card"><h1>${escape(t.title)}</h1><p>${escape(t.body)}</p></div></main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
      ...(reason === "rate-limited" ? { "Retry-After": String(15 * 60) } : {}),
    },
  });
}
