import { pingDatabase } from "@/lib/data/health";

// Liveness plus a real database round trip, answered within 3 s either way (the pool's connection timeout
// and the ping's own deadline keep an unreachable database from hanging it).
export async function GET() {
  const ok = await pingDatabase(2500);
  return Response.json(ok ? { status: "ok", db: "ok" } : { status: "error", db: "unreachable" }, {
    status: ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
