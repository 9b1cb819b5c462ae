import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verifying against this hash when the email is unknown makes both failures take as long.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  try {
    dummyHash ??= hashPassword("jielong-no-such-account");
    const ok = await verify(passwordHash ?? (await dummyHash), password);
    return Boolean(passwordHash) && ok;
  } catch {
    return false;
  }
}
