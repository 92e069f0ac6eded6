"use client";

import { useEffect } from "react";

/**
 * Removes a one-time query parameter (a "created" notice) from the address once the page has shown it, so
 * a reload or a later refresh does not announce it again. Next.js keeps its router in step with
 * history.replaceState.
 */
export function DropQueryParam({ name }: { name: string }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has(name)) return;
    url.searchParams.delete(name);
    window.history.replaceState(null, "", `${url.pathname}${url.search}${url.hash}`);
  }, [name]);
  return null;
}
