// A minimal cookie-keeping HTTP client over fetch, for the fault tests and the benchmarks: one per
// simulated browser or phone, each with its own address (the app's limits count per address).
export class HttpClient {
  jar = new Map<string, string>();
  readonly ip = `10.${1 + ((Math.random() * 250) | 0)}.${(Math.random() * 250) | 0}.${(Math.random() * 250) | 0}`;
  constructor(readonly base: string) {}

  get cookie() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(p: string, init: RequestInit = {}) {
    const res = await fetch(`${this.base}${p}`, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), Cookie: this.cookie, "X-Forwarded-For": this.ip },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      this.jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  }

  /** Sign in through next-auth's credentials endpoint, as the sign-in form does. */
  async signIn(email: string, password: string) {
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const r = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: "/" }).toString(),
    });
    if (r.status !== 200) throw new Error(`sign-in answered ${r.status}`);
  }
}
