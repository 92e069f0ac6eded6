import { signOutAction } from "@/app/(clinic)/actions";

/** Sign out as a form post, so it works before the page's JavaScript has loaded. */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="btn-link">
        Sign out
      </button>
    </form>
  );
}
