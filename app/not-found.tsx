import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="container-narrow">
      <div className="card">
        <h1>Page not found</h1>
        <p>There is nothing at this address, or you do not have access to it.</p>
        <p>
          <Link href="/">Go to the start page</Link>
        </p>
      </div>
    </main>
  );
}
