import { describe, expect, it } from "vitest";
import {
  addDays,
  ageOn,
  dateIn,
  formatDate,
  formatDateTime,
  formatTime,
  startOfDayIn,
  timeZoneChoices,
  todayIn,
  typedDates,
  formatNewtons,
  formatPerKg,
  formatPercent,
} from "./format";

describe("formatDateTime in the clinic's zone", () => {
  it.each([
    // A North American winter and summer: the abbreviation names the offset in force.
    ["2026-11-25T05:04:00Z", "America/Toronto", "25 Nov 2026, 00:04 EST"],
    ["2026-07-01T16:30:00Z", "America/Toronto", "1 Jul 2026, 12:30 EDT"],
    ["2026-11-25T05:04:00Z", "America/Los_Angeles", "24 Nov 2026, 21:04 PST"],
    // Los Angeles on its DST days (8 Mar 2026 02:00 → 03:00; 1 Nov 2026 02:00 → 01:00).
    ["2026-03-08T09:59:00Z", "America/Los_Angeles", "8 Mar 2026, 01:59 PST"],
    ["2026-03-08T10:00:00Z", "America/Los_Angeles", "8 Mar 2026, 03:00 PDT"],
    ["2026-11-01T08:30:00Z", "America/Los_Angeles", "1 Nov 2026, 01:30 PDT"],
    ["2026-11-01T09:30:00Z", "America/Los_Angeles", "1 Nov 2026, 01:30 PST"],
    // Across the date line: Auckland is already tomorrow; it has no US abbreviation, so the offset shows.
    ["2026-11-25T11:30:00Z", "Pacific/Auckland", "26 Nov 2026, 00:30 UTC+13"],
    ["2026-07-01T11:30:00Z", "Pacific/Auckland", "1 Jul 2026, 23:30 UTC+12"],
    // Auckland's DST ends 5 Apr 2026 03:00 NZDT → 02:00 NZST.
    ["2026-04-04T13:59:00Z", "Pacific/Auckland", "5 Apr 2026, 02:59 UTC+13"],
    ["2026-04-04T14:30:00Z", "Pacific/Auckland", "5 Apr 2026, 02:30 UTC+12"],
    ["2026-11-25T05:04:00Z", "Asia/Kolkata", "25 Nov 2026, 10:34 UTC+5:30"],
    ["2026-11-25T05:04:00Z", "America/St_Johns", "25 Nov 2026, 01:34 UTC-3:30"],
    ["2026-11-25T05:04:00Z", "Europe/London", "25 Nov 2026, 05:04 GMT"],
    ["2026-11-25T05:04:00Z", "UTC", "25 Nov 2026, 05:04 UTC"],
    ["2026-11-25T23:59:59.999Z", "UTC", "25 Nov 2026, 23:59 UTC"],
  ])("%s in %s is %s", (iso, zone, text) => {
    expect(formatDateTime(iso, zone)).toBe(text);
  });

  it("gives the time of day to the second in the zone", () => {
    expect(formatTime("2026-11-25T05:04:07Z", "America/Toronto")).toBe("00:04:07");
    expect(formatTime("2026-11-25T00:00:00Z", "UTC")).toBe("00:00:00");
  });
});

describe("todayIn: the clinic's calendar date", () => {
  it.each([
    // 5 pm in California on 24 Nov is already 25 Nov in UTC: the clinic's today is still the 24th.
    ["2026-11-25T01:00:00Z", "America/Los_Angeles", "2026-11-24"],
    ["2026-11-25T08:00:00Z", "America/Los_Angeles", "2026-11-25"],
    ["2026-11-25T01:00:00Z", "UTC", "2026-11-25"],
    // Auckland is a day ahead of UTC for half of each UTC day.
    ["2026-11-24T10:59:59Z", "Pacific/Auckland", "2026-11-24"],
    ["2026-11-24T11:00:00Z", "Pacific/Auckland", "2026-11-25"],
    ["2026-12-31T12:00:00Z", "Pacific/Kiritimati", "2027-01-01"],
    ["2026-01-01T09:00:00Z", "Pacific/Pago_Pago", "2025-12-31"],
    // On LA's spring-forward day the date is right before and after the jump.
    ["2026-03-08T09:59:59Z", "America/Los_Angeles", "2026-03-08"],
    ["2026-03-08T10:00:00Z", "America/Los_Angeles", "2026-03-08"],
    ["2026-03-08T07:59:59Z", "America/Los_Angeles", "2026-03-07"],
  ])("at %s in %s it is %s", (now, zone, day) => {
    expect(todayIn(zone, new Date(now))).toBe(day);
    expect(dateIn(new Date(now), zone)).toBe(day);
  });

  it("defaults to now", () => {
    expect(todayIn("UTC")).toBe(new Date().toISOString().slice(0, 10));
  });
});

describe("startOfDayIn: the first instant of the clinic's day", () => {
  it.each([
    ["2026-11-25", "UTC", "2026-11-25T00:00:00.000Z"],
    ["2026-11-25", "America/Toronto", "2026-11-25T05:00:00.000Z"],
    ["2026-11-25", "Pacific/Auckland", "2026-11-24T11:00:00.000Z"],
    ["2026-11-25", "Asia/Kolkata", "2026-11-24T18:30:00.000Z"],
    // DST days: the day starts at midnight of the offset in force then.
    ["2026-03-08", "America/Los_Angeles", "2026-03-08T08:00:00.000Z"],
    ["2026-03-09", "America/Los_Angeles", "2026-03-09T07:00:00.000Z"],
    ["2026-11-01", "America/Los_Angeles", "2026-11-01T07:00:00.000Z"],
    ["2026-11-02", "America/Los_Angeles", "2026-11-02T08:00:00.000Z"],
    ["2026-04-05", "Pacific/Auckland", "2026-04-04T11:00:00.000Z"],
    ["2026-09-27", "Pacific/Auckland", "2026-09-26T12:00:00.000Z"],
    // Chile skips midnight (6 Sep 2026 00:00 → 01:00): the day starts at 01:00 local.
    ["2026-09-06", "America/Santiago", "2026-09-06T04:00:00.000Z"],
  ])("%s in %s starts at %s", (day, zone, instant) => {
    expect(startOfDayIn(day, zone).toISOString()).toBe(instant);
    expect(dateIn(startOfDayIn(day, zone), zone)).toBe(day);
    expect(dateIn(new Date(startOfDayIn(day, zone).getTime() - 1), zone)).toBe(addDays(day, -1));
  });
});

describe("calendar helpers", () => {
  it("moves dates by days across months, years and leap days", () => {
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2026-12-25", 7)).toBe("2027-01-01");
    expect(addDays("2026-11-25", -14)).toBe("2026-11-11");
  });

  it("formats dates and ages without a zone", () => {
    expect(formatDate("2026-11-05")).toBe("5 Nov 2026");
    expect(ageOn("1991-11-25", "2026-11-24")).toBe(34);
    expect(ageOn("1991-11-25", "2026-11-25")).toBe(35);
  });

  it("offers UTC first, the runtime's zones, and a stored zone the runtime lists under another name", () => {
    const choices = timeZoneChoices("America/Toronto");
    expect(choices[0]).toBe("UTC");
    expect(choices).toContain("America/Los_Angeles");
    expect(choices.filter((z) => z === "UTC")).toHaveLength(1);
    expect(timeZoneChoices("Etc/Unknown-Alias")).toContain("Etc/Unknown-Alias");
  });
});

describe("typedDates: a date of birth as clinics type it", () => {
  it.each([
    ["1991-03-14", ["1991-03-14"]],
    ["14/03/1991", ["1991-03-14"]],
    ["3/14/1991", ["1991-03-14"]],
    ["14.3.1991", ["1991-03-14"]],
    ["14-03-1991", ["1991-03-14"]],
    ["3/4/1991", ["1991-04-03", "1991-03-04"]],
    ["4/4/1991", ["1991-04-04"]],
    ["31/31/1991", []],
    ["1990-02-30", []],
    ["Smith", []],
  ])("%s means %j", (text, expected) => {
    expect(typedDates(text)).toEqual(expected);
  });
});

describe("one number rule per kind of value", () => {
  it("newtons whole, per-kg two decimals, percent whole, whatever the raw value", () => {
    expect([formatNewtons(191.6), formatNewtons(-0.2), formatNewtons(null)]).toEqual(["192", "0", "–"]);
    expect([formatPerKg(1.5), formatPerKg(2.6), formatPerKg(3.123)]).toEqual(["1.50", "2.60", "3.12"]);
    expect([formatPercent(87.4), formatPercent(99.5)]).toEqual(["87", "100"]);
  });
});
