// The error every NLU data file raises when it is invalid, naming the file, the path and the reason.
export class DataError extends Error {}

/** Checks that a regex source compiles, naming where it came from. */
export function compile(source: string, where: string, flags = ''): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (err) {
    throw new DataError(`${where}: invalid pattern ${JSON.stringify(source)}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
