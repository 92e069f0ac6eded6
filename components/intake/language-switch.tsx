import { setIntakeLocaleAction } from "@/app/(patient)/intake/actions";
import type { Locale } from "@/lib/i18n/locales";

/** The patient's language, on the intake's first screen. A plain form posting to a server action: no
 * script of its own on the page. Each language is named in itself, with its lang attribute. */
export function LanguageSwitch({
  current,
  languages,
  label,
  submit,
}: {
  current: Locale;
  languages: { value: Locale; name: string }[];
  label: string;
  submit: string;
}) {
  return (
    <form action={setIntakeLocaleAction} className="row" style={{ justifyContent: "flex-end", alignItems: "flex-end", marginBottom: 12 }}>
      <div className="field" style={{ marginBottom: 0 }}>
        <label htmlFor="intake-language">{label}</label>
        <select id="intake-language" name="locale" className="input" defaultValue={current}>
          {languages.map((l) => (
            <option key={l.value} value={l.value} lang={l.value}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn btn-secondary">
        {submit}
      </button>
    </form>
  );
}
