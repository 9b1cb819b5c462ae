import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";

// zxcvbn-ts's common-password dictionary (the password lists it ships and maintains).
const zxcvbn = new ZxcvbnFactory({ dictionary: { ...common.dictionary } });

export type TPasswordProblem = "too_short" | "too_long" | "too_common";

/** NIST 800-63B: at least 8 characters, and not one of the passwords everyone tries first. */
export function checkNewPassword(password: string): TPasswordProblem | null {
  if ([...password].length < 8) return "too_short";
  if (password.length > 256) return "too_long";
  const result = zxcvbn.check(password.slice(0, 100));
  const isCommon = result.sequence.some(
    (match) => match.pattern === "dictionary" && match.dictionaryName === "passwords-common" && match.token.length === password.length,
  );
  return isCommon ? "too_common" : null;
}
