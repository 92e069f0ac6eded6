// A rendered sheet as text, one line per block (paragraph, list item, heading, table row), so a diff or an
// assertion points at the sentence.
export function sheetText(html: string): string {
  return html
    .replace(/<(\/?)(p|li|h2|h3|tr|th|caption|section)\b[^>]*>/g, "\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}
