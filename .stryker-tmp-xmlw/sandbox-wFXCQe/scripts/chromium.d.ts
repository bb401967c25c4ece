/** The first Chromium found (E2E_CHROMIUM, else the usual Debian / Ubuntu paths), or null. */
// @ts-nocheck

export function findChromium(env?: Record<string, string | undefined>): string | null;
/** How to get one, for messages. */
export const INSTALL_HINT: string;
export const CANDIDATES: readonly string[];
/** Headless flags known to work here (no background networking). */
export const CHROMIUM_ARGS: string[];
