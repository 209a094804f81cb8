// Password hashing: argon2id through @node-rs/argon2 (prebuilt binaries in the npm package, no native build;
// the same family as @node-rs/jieba). OWASP's parameters: 19 MiB, 2 passes, 1 lane. Hashes are PHC strings,
// so the parameters travel with each hash and can be raised later without invalidating old ones.
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 256;

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD) return `a password needs at least ${MIN_PASSWORD} characters`;
  if (password.length > MAX_PASSWORD) return `a password has at most ${MAX_PASSWORD} characters`;
  if (/^(.)\1*$/.test(password)) return 'a password of one repeated character is too easy to guess';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verified against when the account does not exist, so a wrong username takes as long as a wrong password.
let dummy: Promise<string> | null = null;

export async function verifyPassword(phc: string | null, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD) return false;
  try {
    if (phc === null) {
      await verify(await (dummy ??= hashPassword('not-an-account-password')), password);
      return false;
    }
    return await verify(phc, password);
  } catch {
    return false; // a malformed stored hash never lets anyone in
  }
}
