// The clinic's frame around every staff page: the skip link, the top bar and its menu, the idle warning.
// English and Spanish; a key missing from either fails the type check.
export const shellEn = {
  skipToContent: "Skip to content",
  brand: "Stride",
  mainNav: "Main",
  worklist: "Worklist",
  newPatient: "New patient",
  accounts: "Accounts",
  settings: "Clinic settings",
  audit: "Audit trail",
  account: "Account",
};
export type ShellWords = typeof shellEn;

export const shellEs: ShellWords = {
  skipToContent: "Saltar al contenido",
  brand: "Stride",
  mainNav: "Principal",
  worklist: "Lista de trabajo",
  newPatient: "Nuevo paciente",
  accounts: "Cuentas",
  settings: "Ajustes de la clínica",
  audit: "Registro de auditoría",
  account: "Cuenta",
};
