// Runs once when the server starts. A production server without a proper NEXTAUTH_SECRET stops here, with
// a message naming it, instead of starting and failing on the first sign-in (security-requirements §4.5).
export function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NODE_ENV !== "production") return;
  const secret = process.env.NEXTAUTH_SECRET ?? "";
  if (secret.length < 32) {
    console.error("Configuration error:\n  NEXTAUTH_SECRET: required in production, at least 32 characters (openssl rand -base64 32)");
    process.exit(1);
  }
}
