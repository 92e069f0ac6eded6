import Link from "next/link";
import { requireClinician } from "@/lib/auth/session";
import { signOutAction } from "./actions";

// The check here only shapes the page; every page, action and data function checks again on its own
// (a layout does not run for server actions).
export default async function ClinicLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireClinician();
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <div className="container">
          <Link href="/patients" className="brand">
            Stride
          </Link>
          <nav aria-label="Main">
            <Link href="/patients">Worklist</Link>
            <Link href="/patients/new">New patient</Link>
            <span aria-label="Signed in as">{actor.name}</span>
            <form action={signOutAction}>
              <button type="submit" className="btn-link">
                Sign out
              </button>
            </form>
          </nav>
        </div>
      </header>
      <main id="main" className="container">
        {children}
      </main>
    </>
  );
}
