// The shape of the clinic's catalog: every word a staff page shows, by area. Type-only, so a client
// component can name it without shipping a catalog; the words reach the browser as page data
// (components/clinic/clinic-words.tsx), one language at a time.
import type { ErrorCatalog } from "../../forms/messages";
import type { AccountWords } from "./account";
import type { AdminWords } from "./admin";
import type { ClinicalWords } from "./clinical";
import type { ExamWords } from "./exam";
import type { PatientsWords } from "./patients";
import type { ShellWords } from "./shell";
import type { SummaryWords } from "./summary";
import type { VisitWords } from "./visit";

/** The sections a client component reads: the rest (the frame, the visit page, the engine's clinical
 * wording) are only ever said on the server, so they are not sent to the browser. */
export type ClientClinicWords = Omit<ClinicWords, "shell" | "visit" | "clinical">;

export interface ClinicWords {
  shell: ShellWords;
  admin: AdminWords;
  account: AccountWords;
  patients: PatientsWords;
  exam: ExamWords;
  visit: VisitWords;
  summary: SummaryWords;
  /** The engine's clinician-facing wording (flags, findings, rules), by code. */
  clinical: ClinicalWords;
  errors: ErrorCatalog;
}
