import { NextResponse, type NextRequest } from "next/server";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { getClinicWords } from "@/lib/data/clinics";
import { getPrintableSummary } from "@/lib/data/summaries";
import { isUuid } from "@/lib/data/patients";
import { format as formatMessage } from "@/lib/i18n/format";
import { forwardedHeaders, pdfAvailable, printPagePdf, selfOrigin } from "@/lib/pdf";

/** "Download PDF": the print page, as the signed-in clinician sees it, printed by headless Chromium. */
export async function GET(req: NextRequest, ctx: { params: Promise<{ visitId: string }> }) {
  // Signs in anyone without a session; an admin gets 403, audited (they do not open clinical records).
  const actor = await requireClinician();
  const { visitId } = await ctx.params;
  const { t: words, locale } = await getClinicWords(actor);
  const t = words.summary.print;
  const version = req.nextUrl.searchParams.get("version") === "clinician" ? "clinician" : "patient";
  const format = req.nextUrl.searchParams.get("paper") === "a4" ? "A4" : "Letter";
  const headers = { "Cache-Control": "no-store" };
  if (!isUuid(visitId)) return new NextResponse(t.notFound, { status: 404, headers });
  if (!pdfAvailable()) return new NextResponse(t.pdfUnavailable, { status: 503, headers });
  // Records the download (a disclosure) and proves the summary exists and belongs to this clinic.
  const printable = await getPrintableSummary(actor, visitId, await requestMeta(), "pdf-download", version);
  if (!printable) return new NextResponse(t.notFound, { status: 404, headers });
  try {
    // The print page as this clinician sees it (audited by the page as "pdf-render"), printed or, when that
    // exact page was printed already for this clinic, from memory (lib/pdf.ts, ADR 0038).
    const { pdf } = await printPagePdf({
      origin: selfOrigin(req.nextUrl.origin),
      visitId,
      version,
      format,
      clinicId: actor.clinicId,
      headers: forwardedHeaders(req.headers),
    });
    return new NextResponse(new Uint8Array(pdf), {
      headers: {
        ...headers,
        "Content-Type": "application/pdf",
        // The file's name in the clinic's language, ASCII only (no accents in the catalog's names).
        "Content-Disposition": `attachment; filename="${formatMessage(t.fileName, { version: t.fileVersion[version], paper: t.filePaper[format] }, locale)}"`,
      },
    });
  } catch {
    return new NextResponse(t.pdfFailed, { status: 503, headers });
  }
}
