import type { Messages } from "@/lib/i18n/en";

export function ThankYou({ messages, urgent }: { messages: Messages["thanks"]; urgent: { title: string; body: string } | null }) {
  return (
    <div className="stack">
      {urgent && (
        <div className="alert alert-danger" role="alert">
          <h2 style={{ marginTop: 0 }}>{urgent.title}</h2>
          <p>{urgent.body}</p>
        </div>
      )}
      <div className="card" role="status">
        <h1>{messages.title}</h1>
        <p>{messages.body}</p>
        <p>{messages.next}</p>
      </div>
    </div>
  );
}
