import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/session";

// Each role's start page (requireStaff sends a visitor to sign-in, a session with a step left to finish).
export default async function Home() {
  const actor = await requireStaff();
  redirect(actor.kind === "admin" ? "/admin" : "/patients");
}
