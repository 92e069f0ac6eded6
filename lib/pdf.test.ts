import { describe, expect, it } from "vitest";
import { isPdfRenderToken, pdfRenderToken, selfContainedHtml, selfOrigin } from "./pdf";

// The HTML the PDF renderer is handed (ADR 0038): the print page as served, made self-contained.
const served =
  `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>` +
  `<link rel="stylesheet" href="/_next/static/chunks/0hn-svap6rre7.css" nonce="N0nce==" data-precedence="next"/>` +
  `<link rel="stylesheet" href="/_next/static/css/app.css"/>` +
  `<link rel="stylesheet" href="https://evil.example/x.css"/>` +
  `<link rel="stylesheet" href="/_next/static/chunks/../../secret.css"/>` +
  `<link rel="preload" as="script" fetchPriority="low" nonce="N0nce==" href="/_next/static/chunks/395lhf_-1zxwa.js"/>` +
  `<link rel="icon" href="/icon.svg?icon.2f_hghjyv2qy4.svg" sizes="any" type="image/svg+xml"/>` +
  `<script src="/_next/static/chunks/a.js" async="" nonce="N0nce=="></script></head>` +
  `<body><main><style>@page { @top-left { content: "Ana Díaz" } }</style><h1>Ana Díaz</h1>` +
  `<script nonce="N0nce==">self.__next_f.push([1,"payload"])</script><button id="print-button">Print</button></main></body></html>`;

describe("selfContainedHtml", () => {
  it("inlines the app's own stylesheets, drops scripts, nonces and every other link, and forbids loading anything", async () => {
    const asked: string[] = [];
    const html = await selfContainedHtml(served, async (href) => {
      asked.push(href);
      return href.endsWith("app.css") ? "h1 { color: red }" : "main { margin: 0 } </style><script>x()</script>";
    });
    expect(asked).toEqual(["/_next/static/chunks/0hn-svap6rre7.css", "/_next/static/css/app.css"]);
    expect(html).toContain("<style>h1 { color: red }</style>");
    // A stylesheet cannot close its style element.
    expect(html).toContain("<style>main { margin: 0 } <\\/style><script>x()</script></style>");
    expect(html).not.toMatch(/<script\b[^>]*>(?!x\(\))/);
    expect(html).not.toMatch(/nonce=|<link|evil\.example|secret\.css|__next_f/);
    expect(html).toContain('<style>@page { @top-left { content: "Ana Díaz" } }</style><h1>Ana Díaz</h1>');
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; [^"]*">/);
  });

  it("is the same for the same page served twice (the nonce differs per request)", async () => {
    const css = async () => "p {}";
    const again = served.replaceAll("N0nce==", "0therN0nce==");
    expect(await selfContainedHtml(again, css)).toBe(await selfContainedHtml(served, css));
  });
});

describe("the renderer's own requests", () => {
  it("go to loopback on the port next start listens on, never to the request's host", () => {
    const before = process.env.PORT;
    try {
      process.env.PORT = "4321";
      expect(selfOrigin("https://evil.example")).toBe("http://127.0.0.1:4321");
      delete process.env.PORT;
      expect(selfOrigin("http://localhost:3000")).toBe("http://localhost:3000");
    } finally {
      if (before === undefined) delete process.env.PORT;
      else process.env.PORT = before;
    }
  });

  it("carry a render token for that visit only, valid for a minute", () => {
    process.env.NEXTAUTH_SECRET ??= "unit-test-secret-unit-test-secret-unit";
    const now = Date.now();
    const token = pdfRenderToken("visit-a", now);
    expect(isPdfRenderToken("visit-a", token, now)).toBe(true);
    expect(isPdfRenderToken("visit-b", token, now)).toBe(false);
    expect(isPdfRenderToken("visit-a", token, now + 61_000)).toBe(false);
  });
});
