import Link from "next/link";
import { currentSession, requireStaff } from "@/lib/auth/session";
import { IdleGuard } from "@/components/auth/idle-guard";
import { SignOutButton } from "@/components/clinic/sign-out-button";
import { endIdleSessionAction, keepAliveAction } from "./actions";
import styles from "./layout.module.css";

// The check here only shapes the page; every page, action and data function checks again on its own
// (a layout does not run for server actions). Clinicians see the clinical pages, admins the admin pages.
export default async function ClinicLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireStaff();
  const session = (await currentSession())!;
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <div className={`container ${styles.bar}`}>
          <Link href={actor.kind === "admin" ? "/admin" : "/patients"} className="brand">
            Stride
          </Link>
          <nav aria-label="Main" className={styles.nav}>
            {actor.kind === "clinician" ? (
              <>
                <Link href="/patients">Worklist</Link>
                <Link href="/patients/new">New patient</Link>
              </>
            ) : (
              <>
                <Link href="/admin/users">Accounts</Link>
                <Link href="/admin/settings">Clinic settings</Link>
                <Link href="/admin/audit">Audit trail</Link>
              </>
            )}
            <Link href="/account">Account</Link>
            <SignOutButton />
          </nav>
        </div>
      </header>
      <main id="main" className="container">
        <IdleGuard timeoutMinutes={session.idleTimeoutMinutes} keepAlive={keepAliveAction} endSession={endIdleSessionAction}>
          {children}
        </IdleGuard>
      </main>
    </>
  );
}
