// The listeners capability's words (issue 19), in the three languages side by side; merged into en.ts,
// de.ts and es.ts. Same rules as there: ICU MessageFormat, German "du", Spanish "tú".

export const listenersEn = {} as const;

export const listenersDe: Record<keyof typeof listenersEn, string> = {};

export const listenersEs: Record<keyof typeof listenersEn, string> = {};
