import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { renderSVG } from "uqr";
import { requireSignedIn } from "@/lib/auth/session";
import { groupSecret } from "@/lib/auth/totp";
import { getClinicWords } from "@/lib/data/clinics";
import { beginTotpEnrolment } from "@/lib/data/users";
import { TwoFactorForm } from "@/components/auth/two-factor-form";

export async function generateMetadata(): Promise<Metadata> {
  const { actor } = await requireSignedIn();
  const { t } = await getClinicWords(actor);
  return { title: t.account.twoFactor.title };
}

export default async function TwoFactorPage() {
  const { actor, session } = await requireSignedIn();
  // A temporary password is replaced first; then this page.
  if (session.pending === "change-password") redirect("/account/password");
  const { t: words } = await getClinicWords(actor);
  const t = words.account.twoFactor;
  const enrolment = await beginTotpEnrolment(actor);
  if (!enrolment) {
    return (
      <div className="stack">
        <h1>{t.title}</h1>
        <p>{t.isOn}</p>
      </div>
    );
  }
  // The QR code is drawn on the server as an SVG image: no script, nothing extra for the browser to load.
  const qr = `data:image/svg+xml;base64,${Buffer.from(renderSVG(enrolment.uri, { border: 2 })).toString("base64")}`;
  return (
    <div className="stack">
      <h1>{t.setUpTitle}</h1>
      {session.pending === "enroll-totp" && (
        <div className="alert alert-info" role="status">
          {session.role === "ADMIN" ? t.pendingAdmin : t.pendingClinician}
        </div>
      )}
      <div className="card stack">
        <p>{t.step1}</p>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn on the server */}
        <img src={qr} width={200} height={200} alt={t.qrAlt} />
        <p>
          {t.typeKey}{" "}
          <code id="totp-secret" style={{ fontSize: "1.1rem", wordBreak: "break-all" }}>
            {groupSecret(enrolment.secret)}
          </code>
        </p>
        <p>{t.step2}</p>
        <TwoFactorForm />
      </div>
    </div>
  );
}
