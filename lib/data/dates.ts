/** A PostgreSQL `date` comes back as UTC midnight; these keep it a calendar date. */
export const toIsoDate = (d: Date): string => d.toISOString().slice(0, 10);
export const fromIsoDate = (s: string): Date => new Date(`${s}T00:00:00.000Z`);
