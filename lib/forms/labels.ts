// Labels by path, apart from the error catalog (lib/forms/messages.ts) so a page that shows labels but
// validates later (the patient's intake) does not load the catalog with its first screen.

/** A label lookup for a form with lists: list indexes folded ("exercises.2.sets" → "exercises.*.sets"), then
 * the list's own label, then `labels.fallback`. */
export function listLabelsFrom(labels: Record<string, string>): (path: string) => string {
  return (path) => labels[path.replace(/\.\d+\./g, ".*.")] ?? labels[path.split(".")[0]!] ?? labels.fallback!;
}

/** A label lookup over a flat map, falling back to the nearest labelled parent path, then a generic word. */
export function labelsFrom(labels: Record<string, string>, fallback = "This answer"): (path: string) => string {
  return (path) => {
    let p = path;
    while (p) {
      if (labels[p]) return labels[p]!;
      p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "";
    }
    return fallback;
  };
}
