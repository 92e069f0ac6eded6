// The app's English calendar date, in a module of its own: the patient's pages word dates through
// lib/i18n/format.ts, and importing it from lib/format.ts sent them that module's time-zone code too
// (Turbopack keeps every export some page uses; see lib/i18n/format-staff.ts for the measurement).
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-11-25" → "25 Nov 2026" (unambiguous in every English-speaking country). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}
