import { patientPage } from "@/lib/i18n/patient-locale";

export default async function PatientLayout({ children }: { children: React.ReactNode }) {
  const { m } = await patientPage();
  // The root layout's <html lang> is the clinic's English; this subtree says the patient's language.
  return (
    <div className="patient" lang={m.lang}>
      <a href="#main" className="skip-link">
        {m.skipToContent}
      </a>
      <header className="patient-header">
        <div className="container-narrow">{m.appName}</div>
      </header>
      <main id="main" className="container-narrow">
        {children}
      </main>
    </div>
  );
}
