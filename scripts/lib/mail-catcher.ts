// A real SMTP server on loopback that keeps what it receives: the demo's local mail catcher (with a small
// read-only web page listing the mail) and the tests' receiving end. Messages are parsed with mailparser,
// so tests read what a mail client would show. Repeats of a Message-ID are kept and counted, never hidden.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CaughtMail {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Header lines as received (to check nothing was injected). */
  headerLines: string[];
  receivedAt: Date;
}

export interface MailCatcherOptions {
  port?: number;
  host?: string;
  /** Answer every message with this SMTP reply code (550: refuse the address) instead of accepting it. */
  rejectWith?: number;
  /** Hold each message this long before answering (a slow server; lets a test kill the sender mid-send). */
  delayMs?: number;
}

export class MailCatcher {
  readonly mail: CaughtMail[] = [];
  private server?: SMTPServer;
  private http?: HttpServer;
  port = 0;
  private readonly waiters = new Set<() => void>();

  constructor(readonly opts: MailCatcherOptions = {}) {}

  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      // Accept any sign-in (SMTP_URL may carry a user and password).
      onAuth: (_auth, _session, cb) => cb(null, { user: "catcher" }),
      onData: (stream, _session, cb) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", async () => {
          if (this.opts.rejectWith) {
            const err = new Error("Mailbox unavailable") as Error & { responseCode: number };
            err.responseCode = this.opts.rejectWith;
            return cb(err);
          }
          try {
            const parsed = await simpleParser(Buffer.concat(chunks));
            // Kept as soon as the whole message is in, before the reply: a sender killed while it waits for
            // the reply never learns that it arrived (the case a stable Message-ID is for).
            this.mail.push({
              messageId: parsed.messageId ?? "",
              from: parsed.from?.text ?? "",
              to: Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(", ") : (parsed.to?.text ?? ""),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: typeof parsed.html === "string" ? parsed.html : "",
              headerLines: parsed.headerLines.map((h) => h.line),
              receivedAt: new Date(),
            });
            for (const w of this.waiters) w();
            const delay = this.opts.delayMs ?? 0;
            if (delay) await new Promise((r) => setTimeout(r, delay));
            cb();
          } catch (e) {
            cb(e as Error);
          }
        });
      },
    });
    server.on("error", () => {});
    await new Promise<void>((resolve, reject) => {
      server.listen(this.opts.port ?? this.port ?? 0, this.opts.host ?? "127.0.0.1", () => resolve());
      server.server.once("error", reject);
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Stop listening (the "SMTP server down" fault); start() again reopens the same port. */
  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s) await new Promise<void>((r) => s.close(() => r()));
    const h = this.http;
    this.http = undefined;
    if (h) await new Promise<void>((r) => h.close(() => r()));
  }

  /** Distinct Message-IDs received, and how many arrived more than once. */
  counts(): { received: number; unique: number; repeats: number } {
    const ids = new Set(this.mail.map((m) => m.messageId));
    return { received: this.mail.length, unique: ids.size, repeats: this.mail.length - ids.size };
  }

  /** Resolves once `pred` holds for the mail received so far (checked on every arrival), or rejects. */
  waitFor(pred: (mail: CaughtMail[]) => boolean, timeoutMs = 30_000): Promise<CaughtMail[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!pred(this.mail)) return;
        cleanup();
        resolve(this.mail);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Mail not received within ${timeoutMs} ms (have ${this.mail.length})`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** The demo's outbox page: the caught mail, newest first, on loopback only. */
  async serveOutbox(port: number): Promise<string> {
    const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const linkify = (s: string) => esc(s).replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>');
    this.http = createServer((req, res) => {
      if (req.url === "/messages.json") {
        res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
        res.end(JSON.stringify(this.mail));
        return;
      }
      const rows = [...this.mail]
        .reverse()
        .map((m) => `<article><h2>${esc(m.subject)}</h2><p>To ${esc(m.to)} · ${m.receivedAt.toLocaleString()}</p><pre>${linkify(m.text)}</pre></article>`)
        .join("");
      res.writeHead(200, {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
      });
      res.end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stride demo outbox</title><style>body{font-family:system-ui;max-width:50em;margin:2em auto;padding:0 1em}article{border-top:1px solid #ccc;padding:1em 0}pre{white-space:pre-wrap}</style></head><body><h1>Demo outbox</h1><p>Mail the demo sent (kept in memory until it stops). Reload for new mail.</p>${rows || "<p>No mail yet.</p>"}</body></html>`,
      );
    });
    await new Promise<void>((r) => this.http!.listen(port, "127.0.0.1", () => r()));
    return `http://127.0.0.1:${(this.http!.address() as AddressInfo).port}/`;
  }
}
