import { chromium } from "playwright";
import fs from "node:fs";
const base = "http://localhost:3300";
const creds = fs.readFileSync(".data/demo-credentials.txt", "utf8");
const pw = creds.match(/Password: (\S+)/)[1];
const [, , path, name, w = "1024", step = "1400"] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const ctx = await browser.newContext({ viewport: { width: Number(w), height: 800 } });
const p = await ctx.newPage();
if (!path.startsWith("/i/")) {
  await p.goto(base + "/login");
  await p.getByLabel("Email").fill("clinician@demo.example");
  await p.getByLabel("Password").fill(pw);
  await p.getByRole("button", { name: "Sign in" }).click();
  await p.waitForURL(/patients/);
}
await p.goto(base + path);
await p.waitForLoadState("networkidle");
const h = await p.evaluate(() => document.documentElement.scrollHeight);
let i = 0;
for (let y = 0; y < h; y += Number(step)) {
  await p.screenshot({ path: `/tmp/shots/${name}-${i++}.png`, fullPage: true, clip: { x: 0, y, width: Number(w), height: Math.min(Number(step), h - y) } });
}
console.log(name, h, i);
await browser.close();
