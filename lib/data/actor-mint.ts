// The one way to make an actor: called right after a credential is checked (lib/data/users.ts's staff
// session check and sign-in, lib/auth/session.ts, lib/data/intake-link.ts's link session, lib/data/api-tokens.ts)
// and by the test factories. eslint.config.mjs refuses this import anywhere else.
import type { AdminActor, ApiTokenActor, ClinicianActor, PatientActor } from "./actors";

type Unbranded<T> = Omit<T, never> extends infer U ? { [K in keyof U as K extends string ? K : never]: U[K] } : never;

export function mintActor(a: Unbranded<ClinicianActor>): ClinicianActor;
export function mintActor(a: Unbranded<AdminActor>): AdminActor;
export function mintActor(a: Unbranded<PatientActor>): PatientActor;
export function mintActor(a: Unbranded<ApiTokenActor>): ApiTokenActor;
export function mintActor(a: Unbranded<ClinicianActor> | Unbranded<AdminActor> | Unbranded<PatientActor> | Unbranded<ApiTokenActor>) {
  return a;
}
