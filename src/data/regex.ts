// Building regular expressions from words of the data files.

/** A word as a regular expression matching it literally. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
