// Preloaded into the Prisma CLI (scripts/prisma.ts). The JavaScript schema engine (WASM) arms a 10-second
// timer for its migration lock and never clears it, so every `prisma migrate` waited 10 s after finishing.
// An unref'd timer still fires if the work is still running (sockets keep the process alive), but no
// longer holds a finished process open.
const original = global.setTimeout;
global.setTimeout = function setTimeoutUnrefLong(fn, ms, ...args) {
  const timer = original(fn, ms, ...args);
  if (typeof ms === "number" && ms >= 5000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
