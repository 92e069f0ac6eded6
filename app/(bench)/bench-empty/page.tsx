import { benchEmptyAction } from "./actions";

// A deliberately empty page: the baseline bench/page-weight.ts measures other routes against (the same
// build's framework JavaScript and nothing else). It shows no data and needs no session.
// It also carries the write-path benchmark's empty server action (./actions.ts): referencing it from a page
// is what puts it in the build's action manifest. The form is never rendered (the page is prerendered
// without it), so the page stays empty and ships no client component.
const emptyAction = benchEmptyAction as unknown as (form: FormData) => Promise<void>;

export default function BenchEmptyPage() {
  return (
    <>
      <p>Empty page for page-weight measurement.</p>
      {process.env.STRIDE_BENCH_FORM === "1" && (
        <form action={emptyAction}>
          <button type="submit">Empty action</button>
        </form>
      )}
    </>
  );
}
