import Link from "next/link";
import { signOutAction } from "@/app/(clinic)/actions";

// Account pages are open to a session that still has something to do (a password to change, two-factor
// sign-in to set up), so they do not use the clinic layout, whose pages such a session may not open yet.
export default function AccountLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <div className="container">
          <Link href="/" className="brand">
            Stride
          </Link>
          <nav aria-label="Account">
            <Link href="/account">Account</Link>
            <form action={signOutAction}>
              <button type="submit" className="btn-link">
                Sign out
              </button>
            </form>
          </nav>
        </div>
      </header>
      <main id="main" className="container-narrow">
        {children}
      </main>
    </>
  );
}
