import { signOutAction } from "@/app/(clinic)/actions";
import { requireSignedIn } from "@/lib/auth/session";
import { getClinicWords } from "@/lib/data/clinics";

/** Sign out as a form post, so it works before the page's JavaScript has loaded. A server component under
 * both the staff and the account layout (a session still finishing its setup included), so it reads the
 * clinic's words itself. */
export async function SignOutButton() {
  const { actor } = await requireSignedIn();
  const { t } = await getClinicWords(actor);
  return (
    <form action={signOutAction}>
      <button type="submit" className="btn-link">
        {t.account.signOut}
      </button>
    </form>
  );
}
