// Display formatting shared by screens and print (no locale surprises: ISO-like, unambiguous), and the
// clinic's calendar: every time and "today" is in the clinic's time zone (its `timeZone` setting), never the
// server's or the browser's. Pure (Intl only), so server pages and client components give the same text.
import { formatDate } from "./date-text";

export { formatDate };

const isCalendarDate = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1000 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

/**
 * The calendar dates ("YYYY-MM-DD") a typed date of birth can mean: "1991-03-14", "14/03/1991", "3/14/1991",
 * "14.3.1991" or "14-03-1991". Clinics write day-month-year or month-day-year, so a date with both orders
 * real ("3/4/1991") means both days; the results show each birth date unambiguously ("3 Apr 1991"), so
 * the clinician sees which is which. Empty when the text is no date.
 */
export function typedDates(text: string): string[] {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  const m = iso ? null : /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  const candidates: [number, number, number][] = iso
    ? [[Number(iso[1]), Number(iso[2]), Number(iso[3])]]
    : m
      ? [
          [Number(m[3]), Number(m[2]), Number(m[1])],
          [Number(m[3]), Number(m[1]), Number(m[2])],
        ]
      : [];
  const out = candidates.filter(([y, mo, d]) => isCalendarDate(y, mo, d)).map(([y, mo, d]) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}`);
  return [...new Set(out)];
}

/** Whether the text is meant as a date (digits and separators only), even if it names no real day. */
export const looksLikeDate = (text: string) => /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/.test(text.trim());

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** The zone's name as US English abbreviates it ("PST", "GMT", "UTC", or "GMT+13" where it has none). */
  zoneName: string;
}

// Building a DateTimeFormat is the slow part (an audit page formats 100 rows): one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-US with numeric parts: digits only, and the abbreviations North American clinics read (EST, PDT).
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const n = (k: string) => Number(parts[k]);
  return {
    year: n("year"),
    month: n("month"),
    day: n("day"),
    hour: n("hour") % 24,
    minute: n("minute"),
    second: n("second"),
    zoneName: parts.timeZoneName ?? "",
  };
}

/** Minutes the zone is ahead of UTC at that instant (-480 for PST, +780 for NZDT). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const isoDateOf = (w: WallClock) => `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;

/** "UTC-5", "UTC+5:30", "UTC": an offset no reader can mistake. */
function offsetLabel(minutes: number): string {
  if (minutes === 0) return "UTC";
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? "-" : "+"}${Math.floor(abs / 60)}${abs % 60 ? `:${pad(abs % 60)}` : ""}`;
}

/** The zone as printed after a time: its letters abbreviation where it has one (EST, PDT, GMT, UTC), else
 * the offset (UTC+13, UTC+5:30), so a printed time is never ambiguous. */
function zoneLabel(instant: Date, timeZone: string, w: WallClock): string {
  return /^[A-Z]{2,5}$/.test(w.zoneName) ? w.zoneName : offsetLabel(offsetMinutes(instant, timeZone));
}

/** An instant as the clinic reads it: "25 Nov 2026, 00:04 EST". */
export function formatDateTime(iso: string, timeZone: string, dateText: (isoDate: string) => string = formatDate): string {
  const instant = new Date(iso);
  const w = wallClock(instant, timeZone);
  return `${dateText(isoDateOf(w))}, ${pad(w.hour)}:${pad(w.minute)} ${zoneLabel(instant, timeZone, w)}`;
}

/** A time of day in the zone, to the second ("14:03:27"): for "saved at" lines beside a dated heading. */
export function formatTime(iso: string, timeZone: string): string {
  const w = wallClock(new Date(iso), timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** The calendar date ("YYYY-MM-DD") of an instant in the zone. */
export function dateIn(instant: Date, timeZone: string): string {
  return isoDateOf(wallClock(instant, timeZone));
}

/** Today's date ("YYYY-MM-DD") in the zone: what the clinic calls today. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return dateIn(now, timeZone);
}

/** A calendar date moved by whole days ("2026-03-01", -1 → "2026-02-28"); calendar arithmetic, no zone. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first instant of a calendar day in the zone (its midnight, or the moment the clocks jump past a
 * midnight that does not exist), for "from this day" and "before the next day" filters. */
export function startOfDayIn(isoDate: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${isoDate}T00:00:00.000Z`);
  const first = midnightUtc - offsetMinutes(new Date(midnightUtc), timeZone) * 60_000;
  const second = midnightUtc - offsetMinutes(new Date(first), timeZone) * 60_000;
  // Around a change of offset the two guesses differ; the day starts at the earlier one that is on that day.
  const onDay = [first, second].filter((t) => dateIn(new Date(t), timeZone) === isoDate);
  return new Date(onDay.length ? Math.min(...onDay) : Math.max(first, second));
}

/** The zones an admin may choose from: UTC first, then this runtime's IANA names, plus the current one if
 * the runtime lists it under another name (ICU data differ between Node and browsers, so the server
 * computes the list once and passes it to the form). */
export function timeZoneChoices(current: string): string[] {
  const names = Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC");
  return ["UTC", ...(current === "UTC" || names.includes(current) ? names : [...names, current].sort())];
}

export function ageOn(dobIso: string, onIso: string): number {
  const [y1, m1, d1] = dobIso.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = onIso.split("-").map(Number) as [number, number, number];
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

export function round(n: number | null | undefined, dp = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "–";
  return (Math.round(n * 10 ** dp) / 10 ** dp).toString();
}

// One rule per kind of value, everywhere a number is shown (exam, summary, print): a force in newtons whole,
// a force or torque per kilogram to two decimals (2.60, not 2.6 beside 3.12), a percent whole, a length in
// cm to one decimal. Fixed decimals keep a column of values aligned and comparable.
const fixed = (n: number | null | undefined, dp: number): string => {
  if (n === null || n === undefined || !Number.isFinite(n)) return "–";
  const r = Math.round(n * 10 ** dp) / 10 ** dp;
  return (Object.is(r, -0) ? 0 : r).toFixed(dp);
};
/** Newtons, whole: "192". */
export const formatNewtons = (n: number | null | undefined) => fixed(n, 0);
/** N/kg and Nm/kg, and ratios of two forces: two decimals, "2.60". */
export const formatPerKg = (n: number | null | undefined) => fixed(n, 2);
/** A percent, whole: "87". */
export const formatPercent = (n: number | null | undefined) => fixed(n, 0);
/** Centimetres (and kilometres), one decimal: "4.0". */
export const formatOneDecimal = (n: number | null | undefined) => fixed(n, 1);
