import Link from "next/link";

// 403: signed in, but this role may not open this page (the refusal is in the audit trail).
export default function Forbidden() {
  return (
    <main id="main" className="container-narrow">
      <div className="card">
        <h1>Not available to your account</h1>
        <p>Your role does not include this page. If you need it, ask your clinic&apos;s administrator.</p>
        <p>
          <Link href="/">Go to the start page</Link>
        </p>
      </div>
    </main>
  );
}
