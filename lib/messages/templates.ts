// The message catalog: every message the app sends, as plain text and HTML. Pure functions (no I/O), so the
// unit tests read every template. Rules for all of them: the clinic's name and phone, only what the link
// needs, never a diagnosis, a finding or an answer; the patient is named by first name only. A patient's
// message is in the patient's language (lib/i18n/email-*.ts); a notice to the clinic in the clinic's.
import { emailEn, type EmailWords } from "../i18n/email-en";
import { emailEs } from "../i18n/email-es";
import { format } from "../i18n/format";
import type { Locale } from "../i18n/locales";

const EMAIL_WORDS: Record<Locale, EmailWords> = { "en-US": emailEn, "en-GB": emailEn, es: emailEs };

export const MESSAGE_KINDS = ["invite", "reminder", "intake-received", "summary", "plan", "follow-up", "clinic-link-locked", "clinic-undeliverable"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Messages to the patient (they carry an opt-out link); the rest go to the clinic's own address. */
export const PATIENT_KINDS: readonly MessageKind[] = ["invite", "reminder", "intake-received", "summary", "plan", "follow-up"];

export interface TemplateContext {
  clinic: { name: string; phone: string | null };
  /** First name only. */
  firstName?: string | null;
  /** The visit's date, already formatted for the reader ("Tuesday 8 December"). */
  visitDate?: string | null;
  /** The link the message exists for (intake, summary, or for the clinic the visit page). */
  link?: string | null;
  optOutLink?: string | null;
  /** Reminder number (1 or 2). */
  reminder?: number;
  /** For clinic-undeliverable: which kind of message could not be delivered. */
  failedKind?: MessageKind;
  /** The patient's language (messages to the patient only); English when absent. */
  locale?: Locale;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

/** One line of plain text: no CR, LF or other control characters (a name can never start a new header or
 * line), trimmed and capped. */
export function oneLine(s: string | null | undefined, max = 120): string {
  return (s ?? "")
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max);
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

interface Body {
  subject: string;
  paragraphs: string[];
  action?: { label: string; link: string };
}

type PatientKind = "invite" | "reminder" | "intake-received" | "summary" | "plan" | "follow-up";
const isPatientKind = (k: MessageKind): k is PatientKind => PATIENT_KINDS.includes(k);

/** A message to the patient, from the catalog of their language. */
function patientBody(kind: PatientKind, c: TemplateContext): Body {
  const w = EMAIL_WORDS[c.locale ?? "en-US"];
  const locale = c.locale ?? "en-US";
  const clinic = oneLine(c.clinic.name);
  const t = w[kind];
  const when = c.visitDate ? format(w.when, { date: oneLine(c.visitDate, 60) }, locale) : "";
  const call = c.clinic.phone ? format(w.call, { phone: oneLine(c.clinic.phone, 40) }, locale) : "";
  const hello = c.firstName ? format(w.helloName, { name: oneLine(c.firstName, 60) }, locale) : w.hello;
  return {
    subject: format(t.subject, { clinic }, locale),
    paragraphs: [hello, ...t.body.map((b) => format(b, { when, call }, locale))],
    action: t.action && c.link ? { label: t.action, link: c.link } : undefined,
  };
}

function body(kind: MessageKind, c: TemplateContext): Body {
  if (isPatientKind(kind)) return patientBody(kind, c);
  // A notice to the clinic, in the clinic's language (`c.locale` is the clinic's for these).
  const locale = c.locale ?? "en-US";
  const w = EMAIL_WORDS[locale].clinic;
  const clinic = oneLine(c.clinic.name);
  const forVisit = c.visitDate ? format(w.forVisit, { date: oneLine(c.visitDate, 60) }, locale) : "";
  const action = c.link ? { label: w.openVisit, link: c.link } : undefined;
  const t = kind === "clinic-link-locked" ? w.linkLocked : w.undeliverable;
  return {
    subject: format(t.subject, { clinic }, locale),
    paragraphs: [format(t.body, { forVisit, kind: w.kinds[c.failedKind ?? "invite"] }, locale)],
    action,
  };
}

/** A message's subject, plain text and HTML. */
export function renderMessage(kind: MessageKind, c: TemplateContext): RenderedMessage {
  const b = body(kind, c);
  const clinic = oneLine(c.clinic.name);
  const w = EMAIL_WORDS[c.locale ?? "en-US"];
  const signature = c.clinic.phone ? `${clinic}, ${oneLine(c.clinic.phone, 40)}` : clinic;
  const optOut = PATIENT_KINDS.includes(kind) && c.optOutLink ? c.optOutLink : null;
  const text = [
    ...b.paragraphs,
    ...(b.action ? [`${b.action.label}: ${b.action.link}`] : []),
    signature,
    ...(optOut ? [`${format(w.stopText, { clinic })} ${optOut}`] : []),
  ].join("\n\n");
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const html = [
    `<!doctype html><html lang="${w.lang}"><head><meta charset="utf-8"><title>${escapeHtml(oneLine(b.subject))}</title></head>`,
    `<body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:36em;padding:16px">`,
    ...b.paragraphs.map(p),
    b.action
      ? `<p style="margin:0 0 16px"><a href="${escapeHtml(b.action.link)}" style="display:inline-block;padding:10px 16px;background:#0b5cad;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(b.action.label)}</a></p><p style="margin:0 0 16px;font-size:14px">${escapeHtml(w.orCopy)} ${escapeHtml(b.action.link)}</p>`
      : "",
    p(signature),
    optOut ? `<p style="margin:24px 0 0;font-size:13px;color:#555"><a href="${escapeHtml(optOut)}">${escapeHtml(format(w.stopLink, { clinic }))}</a></p>` : "",
    `</body></html>`,
  ].join("");
  return { subject: oneLine(b.subject, 150), text, html };
}
