"use client";

// Shown when a page fails (a bug or a database outage). It never shows the error's details; the server
// log has them under the digest.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="container-narrow">
      <div className="card" role="alert">
        <h1>Something went wrong on our side</h1>
        <p>The service may be briefly unavailable. Nothing you saved has been lost. Please try again in a moment.</p>
        <button type="button" className="btn" onClick={() => reset()}>
          Try again
        </button>
      </div>
    </main>
  );
}
