import Link from "next/link";
import { SignOutButton } from "@/components/clinic/sign-out-button";

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
            <SignOutButton />
          </nav>
        </div>
      </header>
      <main id="main" className="container-narrow">
        {children}
      </main>
    </>
  );
}
