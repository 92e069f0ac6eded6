import { NextResponse } from "next/server";
import { currentSession, requestMeta, requireClinician } from "@/lib/auth/session";
import { authenticateApiToken } from "@/lib/data/api-tokens";
import { exportPatientEverything } from "@/lib/data/fhir-export";
import { requestOrigin } from "@/lib/request-origin";

const FHIR_JSON = "application/fhir+json; charset=utf-8";

/** FHIR errors are OperationOutcomes (R4 http.html#errors), with no detail a caller could probe with. */
function outcome(status: number, code: string, text: string, extra: Record<string, string> = {}) {
  return NextResponse.json(
    { resourceType: "OperationOutcome", issue: [{ severity: "error", code, details: { text } }] },
    { status, headers: { "Content-Type": FHIR_JSON, "Cache-Control": "no-store", ...extra } },
  );
}

/**
 * `GET /api/fhir/Patient/{id}/$everything`: the patient's record as a FHIR R4 Bundle. Another system sends
 * `Authorization: Bearer <API token>` (an admin makes one); a signed-in clinician's browser sends its
 * session cookie (the patient page's "Download (FHIR)"). Admins' sessions get 403: they do not open records.
 */
export async function GET(req: Request, ctx: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await ctx.params;
  const meta = await requestMeta();
  const authorization = req.headers.get("authorization");
  let actor;
  if (authorization !== null) {
    const check = await authenticateApiToken(authorization, meta);
    if (!check.ok) {
      return check.status === 429
        ? outcome(429, "throttled", "Too many requests: wait a minute and try again.", { "Retry-After": "60" })
        : outcome(401, "login", "The API token is missing, unknown, expired or revoked.", { "WWW-Authenticate": 'Bearer realm="stride-fhir"' });
    }
    actor = check.actor;
  } else {
    if (!(await currentSession())) return outcome(401, "login", "Sign in, or send an API token.", { "WWW-Authenticate": 'Bearer realm="stride-fhir"' });
    actor = await requireClinician();
  }
  const bundle = await exportPatientEverything(actor, patientId, await requestOrigin(), meta);
  if (!bundle) return outcome(404, "not-found", "No such patient.");
  const download = new URL(req.url).searchParams.get("download") === "1";
  return new NextResponse(JSON.stringify(bundle), {
    headers: {
      "Content-Type": FHIR_JSON,
      "Cache-Control": "no-store",
      ...(download ? { "Content-Disposition": `attachment; filename="patient-${patientId}-fhir.json"` } : {}),
    },
  });
}
