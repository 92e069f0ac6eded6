import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stride: knee pain care for runners", template: "%s · Stride" },
  description: "Pre-visit intake, hip strength exam and return-to-running plans for runners with knee pain.",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b5563" };

// Every page is rendered per request: pages hold health data (never cached), and the Content-Security-
// Policy nonce from proxy.ts only reaches dynamically rendered pages.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
