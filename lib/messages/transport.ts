// How a message leaves: one interface per channel. Email goes over SMTP (nodemailer, SMTP_URL and
// MAIL_FROM). SMS is a later transport behind the same interface: it would take the same OutgoingMessage
// (using `text` only, to a phone number) and throw DeliveryError the same way; none is faked here.
import nodemailer from "nodemailer";
import { isDeliverableEmail } from "../forms/email";

export type Channel = "email" | "sms";

export interface OutgoingMessage {
  /** The stable message id: the email's Message-ID, so a receiver can drop a repeat. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface MessageTransport {
  readonly channel: Channel;
  send(m: OutgoingMessage): Promise<void>;
  close?(): void;
}

/** A failed delivery. `permanent`: the server refused the address or the message (a 5xx reply); trying
 * again will not help. Otherwise (server down, timeout, 4xx) the queue tries again later. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

function fromAddress(): { name: string; address: string } {
  const raw = process.env.MAIL_FROM ?? "Stride <no-reply@stride.invalid>";
  const m = /^\s*(?:"?([^"<]*)"?\s*)?<([^>]+)>\s*$/.exec(raw);
  const address = (m?.[2] ?? raw).trim();
  const name = (m?.[1] ?? "").replace(/[\r\n]/g, " ").trim();
  if (!isDeliverableEmail(address)) throw new Error("Configuration error:\n  MAIL_FROM: an address such as 'Clinic <clinic@example.org>'");
  return { name, address };
}

/** Reply codes and network errors into "try again" or "give up"; the reason keeps no address or link. */
function classify(e: unknown): DeliveryError {
  const err = e as { responseCode?: number; code?: string; message?: string };
  if (typeof err.responseCode === "number") {
    return new DeliveryError(`The mail server answered ${err.responseCode}`, err.responseCode >= 500);
  }
  const code = err.code ?? "error";
  const reason: Record<string, string> = {
    ECONNECTION: "The mail server could not be reached",
    ETIMEDOUT: "The mail server did not answer in time",
    ESOCKET: "The connection to the mail server failed",
    EDNS: "The mail server's name could not be resolved",
    EAUTH: "The mail server refused the sign-in",
  };
  return new DeliveryError(reason[code] ?? "The mail server could not be reached", false);
}

export function smtpTransport(url = process.env.SMTP_URL): MessageTransport {
  if (!url || !/^smtps?:\/\//.test(url)) throw new Error("Configuration error:\n  SMTP_URL: smtp://user:pass@host:port or smtps://…");
  const from = fromAddress();
  const domain = from.address.split("@")[1];
  const t = nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  return {
    channel: "email",
    async send(m) {
      if (!isDeliverableEmail(m.to)) throw new DeliveryError("The address is not a valid email address", true);
      try {
        await t.sendMail({
          from,
          to: m.to,
          subject: m.subject.replace(/[\r\n]+/g, " "),
          text: m.text,
          html: m.html,
          messageId: `<${m.id}@${domain}>`,
          headers: { "Auto-Submitted": "auto-generated" },
        });
      } catch (e) {
        throw classify(e);
      }
    },
    close: () => t.close(),
  };
}
