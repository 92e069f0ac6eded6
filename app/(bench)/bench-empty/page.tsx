// A deliberately empty page: the baseline bench/page-weight.ts measures other routes against (the same
// build's framework JavaScript and nothing else). It shows no data and needs no session.
export default function BenchEmptyPage() {
  return <p>Empty page for page-weight measurement.</p>;
}
