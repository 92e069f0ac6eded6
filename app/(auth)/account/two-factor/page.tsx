import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { renderSVG } from "uqr";
import { requireSignedIn } from "@/lib/auth/session";
import { groupSecret } from "@/lib/auth/totp";
import { beginTotpEnrolment } from "@/lib/data/users";
import { TwoFactorForm } from "@/components/auth/two-factor-form";

export const metadata: Metadata = { title: "Two-factor sign-in" };

export default async function TwoFactorPage() {
  const { actor, session } = await requireSignedIn();
  // A temporary password is replaced first; then this page.
  if (session.pending === "change-password") redirect("/account/password");
  const enrolment = await beginTotpEnrolment(actor);
  if (!enrolment) {
    return (
      <div className="stack">
        <h1>Two-factor sign-in</h1>
        <p>Two-factor sign-in is on for your account. If you lose your phone, ask your clinic&apos;s administrator to reset it.</p>
      </div>
    );
  }
  // The QR code is drawn on the server as an SVG image: no script, nothing extra for the browser to load.
  const qr = `data:image/svg+xml;base64,${Buffer.from(renderSVG(enrolment.uri, { border: 2 })).toString("base64")}`;
  return (
    <div className="stack">
      <h1>Set up two-factor sign-in</h1>
      {session.pending === "enroll-totp" && (
        <div className="alert alert-info" role="status">
          {session.role === "ADMIN" ? "Administrator accounts" : "Your clinic asks that accounts"} sign in with a code from an authenticator app as well as a
          password. Set it up to continue.
        </div>
      )}
      <div className="card stack">
        <p>
          1. In an authenticator app on your phone (such as Google Authenticator, Microsoft Authenticator or 1Password), add an account by scanning this code:
        </p>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn on the server */}
        <img src={qr} width={200} height={200} alt="QR code holding your two-factor secret; the same secret is written out below for typing." />
        <p>
          Or type this key (time-based, 6 digits):{" "}
          <code id="totp-secret" style={{ fontSize: "1.1rem", wordBreak: "break-all" }}>
            {groupSecret(enrolment.secret)}
          </code>
        </p>
        <p>2. Enter the 6-digit code the app shows now.</p>
        <TwoFactorForm />
      </div>
    </div>
  );
}
