// The transport half of input hygiene: a server action's request body is read by React's reply decoder
// before any of the app's code runs, so a body that is too large, not JSON, or nested thousands deep
// failed there with a 500. proxy.ts checks the body first and answers with a plain 4xx instead. (Inside
// the action, lib/forms/validate.ts limits depth and width again, on the decoded value.)

/** Next.js's own server action body limit (serverActions.bodySizeLimit, 1 MB): the largest intake is ~20 KB. */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;
/** Deeper than any argument list the app's actions take (the intake's answers are four levels inside it). */
export const MAX_ACTION_BODY_DEPTH = 64;

export const BODY_TOO_LARGE = "Request too large: a form sends at most 1 MB. Nothing was saved.";
export const BODY_UNREADABLE = "Request not understood: the form's data could not be read. Reload the page and try again. Nothing was saved.";

/** Whether JSON text nests arrays and objects deeper than `max` (strings are skipped; one pass, no recursion). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return false;
}

export type BodyProblem = { status: 413 | 400; message: string } | null;

/** What is wrong with a server action's body (null: nothing). `text` is null for multipart bodies, whose
 * size alone is checked. */
export function actionBodyProblem(bytes: number, text: string | null): BodyProblem {
  if (bytes > MAX_ACTION_BODY_BYTES) return { status: 413, message: BODY_TOO_LARGE };
  if (text === null) return null;
  if (nestsDeeperThan(text, MAX_ACTION_BODY_DEPTH)) return { status: 400, message: BODY_UNREADABLE };
  try {
    JSON.parse(text);
  } catch {
    return { status: 400, message: BODY_UNREADABLE };
  }
  return null;
}

/** Check a server action request (a POST with a Next-Action header) before Next.js decodes it. */
export async function checkActionRequest(req: Request): Promise<BodyProblem> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_ACTION_BODY_BYTES) return { status: 413, message: BODY_TOO_LARGE };
  const multipart = (req.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/");
  const raw = new Uint8Array(await req.arrayBuffer());
  if (multipart) return actionBodyProblem(raw.byteLength, null);
  if (raw.byteLength > MAX_ACTION_BODY_BYTES) return { status: 413, message: BODY_TOO_LARGE };
  return actionBodyProblem(raw.byteLength, new TextDecoder().decode(raw));
}
