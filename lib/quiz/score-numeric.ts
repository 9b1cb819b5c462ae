import { parseNumber, type TParsedNumber } from "./parse-number";
import type { TNumeric } from "./schema";

const EPSILON = 1e-9;

/** Whether `answer` is within the question's tolerance of `key`, computed in log space. */
export function withinTolerance(answer: TParsedNumber, key: TParsedNumber, tolerance: TNumeric["tolerance"]): boolean {
  if (tolerance.kind === "order_of_magnitude") {
    if (answer.sign !== key.sign) return false;
    if (key.sign === 0) return true;
    return Math.abs(answer.log10 - key.log10) <= tolerance.value + EPSILON;
  }
  const difference = log10OfDifference(answer, key);
  if (difference === -Infinity) return true;
  const allowed = tolerance.kind === "absolute" ? Math.log10(tolerance.value) : Math.log10(tolerance.value) + key.log10;
  return difference <= allowed + EPSILON;
}

/** log10 |a - b| without forming a or b, so 10^300 - 10^299 does not overflow. */
function log10OfDifference(a: TParsedNumber, b: TParsedNumber): number {
  if (a.sign === 0) return b.log10;
  if (b.sign === 0) return a.log10;
  const [big, small] = a.log10 >= b.log10 ? [a, b] : [b, a];
  const ratio = 10 ** (small.log10 - big.log10);
  const factor = a.sign === b.sign ? 1 - ratio : 1 + ratio;
  if (Math.abs(factor) < EPSILON) return -Infinity;
  return big.log10 + Math.log10(Math.abs(factor));
}

export function parseKey(text: string): TParsedNumber {
  const key = parseNumber(text);
  if (!key.ok) throw new Error(`Unreadable numeric key: ${text}`);
  return key;
}
