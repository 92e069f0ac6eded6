import { en } from "@/lib/i18n/en";

export default function PatientLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="patient">
      <a href="#main" className="skip-link">
        {en.skipToContent}
      </a>
      <header className="patient-header">
        <div className="container-narrow">{en.appName}</div>
      </header>
      <main id="main" className="container-narrow">
        {children}
      </main>
    </div>
  );
}
