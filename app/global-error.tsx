"use client";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: 24 }}>
        <main>
          <h1>Something went wrong on our side</h1>
          <p>The service may be briefly unavailable. Nothing you saved has been lost. Please try again in a moment.</p>
          <button type="button" onClick={() => reset()} style={{ minHeight: 48, padding: "0 24px", fontSize: 16 }}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
