// The message catalog: every message the app sends, as plain text and HTML. Pure functions (no I/O), so the
// unit tests read every template. Rules for all of them: the clinic's name and phone, only what the link
// needs, never a diagnosis, a finding or an answer; the patient is named by first name only.

export const MESSAGE_KINDS = ["invite", "reminder", "intake-received", "summary", "plan", "clinic-link-locked", "clinic-undeliverable"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Messages to the patient (they carry an opt-out link); the rest go to the clinic's own address. */
export const PATIENT_KINDS: readonly MessageKind[] = ["invite", "reminder", "intake-received", "summary", "plan"];

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

const KIND_LABEL: Record<MessageKind, string> = {
  invite: "intake invitation",
  reminder: "intake reminder",
  "intake-received": "confirmation that the answers arrived",
  summary: "visit summary link",
  plan: "\"My plan\" link",
  "clinic-link-locked": "notice of a locked link",
  "clinic-undeliverable": "notice of an undeliverable message",
};

export function kindLabel(kind: MessageKind): string {
  return KIND_LABEL[kind];
}

interface Body {
  subject: string;
  paragraphs: string[];
  action?: { label: string; link: string };
}

function body(kind: MessageKind, c: TemplateContext): Body {
  const clinic = oneLine(c.clinic.name);
  const hello = c.firstName ? `Hello ${oneLine(c.firstName, 60)},` : "Hello,";
  const when = c.visitDate ? ` on ${oneLine(c.visitDate, 60)}` : "";
  const call = c.clinic.phone ? ` If you have a question, call us on ${oneLine(c.clinic.phone, 40)}.` : "";
  switch (kind) {
    case "invite":
      return {
        subject: `${clinic}: a few questions before your visit`,
        paragraphs: [hello, `Before your visit${when}, please answer a few questions about your running and your knee. It takes about 10 minutes and your answers save as you go.`, `The link works for 7 days. You will be asked for your date of birth first.${call}`],
        action: c.link ? { label: "Start the questions", link: c.link } : undefined,
      };
    case "reminder":
      return {
        subject: `${clinic}: reminder, questions before your visit`,
        paragraphs: [hello, `Your visit${when} is coming up and your questions are not sent yet. Your saved answers are kept; the link opens where you stopped.${call}`],
        action: c.link ? { label: "Continue the questions", link: c.link } : undefined,
      };
    case "intake-received":
      return {
        subject: `${clinic}: we have your answers`,
        paragraphs: [hello, `Thank you: we have your answers and will go through them with you at your visit${when}.${call}`],
      };
    case "summary":
      return {
        subject: `${clinic}: your visit summary`,
        paragraphs: [hello, `Your summary from your visit${when} is ready: your exercises and your plan, to read or print. You will be asked for your date of birth first. The link works for 30 days.${call}`],
        action: c.link ? { label: "Open your summary", link: c.link } : undefined,
      };
    case "plan":
      return {
        subject: `${clinic}: your plan between visits`,
        paragraphs: [
          hello,
          `Your personal "My plan" link: this week's runs and exercises, and a check-in after each run that takes about 20 seconds. It tells you when to move on, repeat or rest, and lets us see how you are doing before your next visit.`,
          `You will be asked for your date of birth first. The link keeps working until your care with us ends.${call}`,
        ],
        action: c.link ? { label: "Open My plan", link: c.link } : undefined,
      };
    case "clinic-link-locked":
      return {
        subject: `${clinic}: an intake link was locked`,
        paragraphs: [`An intake link${when ? ` for a visit${when}` : ""} was locked after too many wrong dates of birth. The patient cannot continue with it. Check with the patient, then make a new link from the visit page.`],
        action: c.link ? { label: "Open the visit", link: c.link } : undefined,
      };
    case "clinic-undeliverable":
      return {
        subject: `${clinic}: a message could not be delivered`,
        paragraphs: [`The ${kindLabel(c.failedKind ?? "invite")}${when ? ` for a visit${when}` : ""} could not be delivered to the patient's address. Check the address, then send it again from the visit page.`],
        action: c.link ? { label: "Open the visit", link: c.link } : undefined,
      };
  }
}

/** A message's subject, plain text and HTML. */
export function renderMessage(kind: MessageKind, c: TemplateContext): RenderedMessage {
  const b = body(kind, c);
  const clinic = oneLine(c.clinic.name);
  const signature = c.clinic.phone ? `${clinic}, ${oneLine(c.clinic.phone, 40)}` : clinic;
  const optOut = PATIENT_KINDS.includes(kind) && c.optOutLink ? c.optOutLink : null;
  const text = [
    ...b.paragraphs,
    ...(b.action ? [`${b.action.label}: ${b.action.link}`] : []),
    signature,
    ...(optOut ? [`To stop emails from ${clinic}: ${optOut}`] : []),
  ].join("\n\n");
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const html = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(oneLine(b.subject))}</title></head>`,
    `<body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:36em;padding:16px">`,
    ...b.paragraphs.map(p),
    b.action ? `<p style="margin:0 0 16px"><a href="${escapeHtml(b.action.link)}" style="display:inline-block;padding:10px 16px;background:#0b5cad;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(b.action.label)}</a></p><p style="margin:0 0 16px;font-size:14px">Or copy this link: ${escapeHtml(b.action.link)}</p>` : "",
    p(signature),
    optOut ? `<p style="margin:24px 0 0;font-size:13px;color:#555"><a href="${escapeHtml(optOut)}">Stop emails from ${escapeHtml(clinic)}</a></p>` : "",
    `</body></html>`,
  ].join("");
  return { subject: oneLine(b.subject, 150), text, html };
}
