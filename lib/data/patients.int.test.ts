import { describe, expect, it } from "vitest";
import { asOwner } from "@/test/db";
import { clinicianActor, createClinicianAndClinic } from "@/prisma/factories";
import { createPatient, matchPatients, searchPatients } from "./patients";

// Patient search by the start of a name (any case) or a date of birth: one SQL statement on expression
// indexes (migration read_path_indexes).

const PEOPLE = [
  ["Ann", "Smith", "1980-01-02"],
  ["anna", "smithson", "1981-02-03"],
  ["Bob", "Annand", "1975-05-06"],
  ["Chiara", "de Vries", "1990-07-08"],
  ["Dan", "Davis", "1990-07-08"],
  ["Eve", "Evans", "1962-09-10"],
  ["Siobhán", "Muñoz", "1999-11-12"],
  ["Pat", "O'Brien", "1970-03-04"],
  ["Zoë", "Smith", "2001-12-31"],
  ["Mary", "O'Neil", "1991-03-14"],
  ["Jo", "Lloyd-Jones", "1991-04-03"],
  ["Al", "100%_sure", "1950-06-06"],
] as const;

async function clinicWithPeople() {
  const { clinic, user } = await createClinicianAndClinic();
  const actor = await clinicianActor(user, clinic.id);
  for (const [firstName, lastName, dateOfBirth] of PEOPLE) await createPatient(actor, { firstName, lastName, dateOfBirth, sex: "OTHER", email: "", phone: "" });
  return actor;
}

const names = (rows: { firstName: string; lastName: string }[]) => rows.map((r) => `${r.firstName} ${r.lastName}`);

describe("patient search", () => {
  it.each([
    ["a surname's start, any case", "SMI", ["Ann Smith", "Zoë Smith", "anna smithson"]],
    ["a first name's start (or a surname's)", "ann", ["Bob Annand", "Ann Smith", "anna smithson"]],
    ["both names, in either order", "smith ann", ["Ann Smith", "anna smithson"]],
    ["three words must all match", "ann smith zzz", []],
    ["letters beyond ASCII", "MUÑ", ["Siobhán Muñoz"]],
    ["a first name with an accent", "siobhá", ["Siobhán Muñoz"]],
    ["an apostrophe", "o'b", ["Pat O'Brien"]],
    ["a lower-case particle by its letter", "d", ["Dan Davis", "Chiara de Vries"]],
    ["% and _ are plain characters", "100%_", ["Al 100%_sure"]],
    ["a % matches nothing else", "%", []],
    ["the middle of a name does not match", "mith", []],
    ["a date of birth", "1990-07-08", ["Dan Davis", "Chiara de Vries"]],
    ["a date that does not exist", "1990-02-30", []],
    ["nothing typed", "   ", []],
    ["a name without its apostrophe", "ONeil", ["Mary O'Neil"]],
    ["a name with a curly apostrophe", "O’Neil", ["Mary O'Neil"]],
    ["a double-barrelled name without its hyphen", "lloydjo", ["Jo Lloyd-Jones"]],
    ["a date of birth day first", "14/03/1991", ["Mary O'Neil"]],
    ["a date of birth month first", "3/14/1991", ["Mary O'Neil"]],
    ["a date of birth with dots", "14.3.1991", ["Mary O'Neil"]],
    ["both days when day and month could be either", "3/4/1991", ["Jo Lloyd-Jones"]],
    ["a typed date that is no day", "31/31/1991", []],
  ])("finds %s", async (_, query, expected) => {
    const actor = await clinicWithPeople();
    expect(names(await searchPatients(actor, query))).toEqual(expected);
  });

  it("returns the patient as the rest of the app shows one, and never another clinic's", async () => {
    const actor = await clinicWithPeople();
    const other = await clinicWithPeople();
    const [row] = await searchPatients(actor, "o'brien");
    expect(row).toEqual({
      id: expect.any(String),
      firstName: "Pat",
      lastName: "O'Brien",
      dateOfBirth: "1970-03-04",
      sex: "OTHER",
      email: null,
      phone: null,
      locale: "en-US",
    });
    const theirs = await searchPatients(other, "o'brien");
    expect(theirs).toHaveLength(1);
    expect(theirs[0]!.id).not.toBe(row!.id);
  });

  it("shows at most 50, in alphabetical order whatever the case", async () => {
    const { clinic, user } = await createClinicianAndClinic();
    const actor = await clinicianActor(user, clinic.id);
    for (let i = 0; i < 55; i++)
      await createPatient(actor, {
        firstName: `P${String(i).padStart(2, "0")}`,
        lastName: i % 2 ? "kim" : "Kim",
        dateOfBirth: "1990-01-01",
        sex: "OTHER",
        email: "",
        phone: "",
      });
    const rows = await matchPatients(actor, "kim");
    expect(rows).toHaveLength(50);
    expect(rows.map((r) => r.firstName)).toEqual(Array.from({ length: 50 }, (_, i) => `P${String(i).padStart(2, "0")}`));
  });

  it("records the search in the audit trail with its count, not what was typed", async () => {
    const actor = await clinicWithPeople();
    await searchPatients(actor, "smith", { requestId: "search-audit-test" });
    const events = await asOwner<{ details: unknown }>(
      `SELECT details FROM "AuditEvent" WHERE "recordType" = 'PatientSearch' AND "actorId" = $1 AND "requestId" = 'search-audit-test'`,
      [actor.userId],
    );
    expect(events).toEqual([{ details: { results: 3 } }]);
  });
});
