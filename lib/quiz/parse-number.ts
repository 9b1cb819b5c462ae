// Reads the many ways students write very large numbers ("10^300", "1e300", "10³⁰⁰",
// "1,000^100", "10的300次方", a 301-digit integer …) into sign and log10 of the magnitude,
// so that nothing overflows a double and no unreadable input is ever taken for a number.

export type TParsedNumber = {
  ok: true;
  sign: -1 | 0 | 1;
  /** log10 of the absolute value; -Infinity for zero */
  log10: number;
  /** How the input was read, e.g. "10^300" or "≈ 1.072 × 10^301" */
  display: string;
};
export type TNumberReadError = { ok: false; reason: "empty" | "unreadable" | "too_large" };

const SUPERSCRIPTS: Record<string, string> = {
  "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4",
  "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-", "⁺": "+",
};
const MAX_LOG10 = 1e9;
const DECIMAL = String.raw`(\d+(?:\.\d*)?|\.\d+)`;
const INTEGER = String.raw`([+-]?\d+)`;
const PLAIN = new RegExp(`^${DECIMAL}$`);
const SCIENTIFIC = new RegExp(`^${DECIMAL}e${INTEGER}$`, "i");
const POWER = new RegExp(`^${DECIMAL}\\^${INTEGER}$`);
const TIMES_POWER = new RegExp(`^${DECIMAL}[×x*·]${DECIMAL}\\^${INTEGER}$`, "i");
const PRODUCT = new RegExp(`^${DECIMAL}[×x*·]${DECIMAL}$`, "i");

export function normaliseNumberText(input: string): string {
  let text = input.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+/g, (run) => "^" + [...run].map((c) => SUPERSCRIPTS[c]).join(""));
  text = text.normalize("NFKC").toLowerCase();
  text = text.replace(/\s+/g, "");
  text = text.replace(/的?([+-]?\d+)次(方|冪|幂)/g, "^$1");
  text = text.replace(/\*\*/g, "^");
  // Thousands separators only in groups of three, so "1,5" is refused rather than read as 15.
  while (/(\d),(\d{3})(?!\d)/.test(text)) text = text.replace(/(\d),(\d{3})(?!\d)/, "$1$2");
  return text;
}

/** log10 of a non-negative decimal written as digits, exact in its digit count. */
function log10OfDecimal(text: string): number {
  const [intPart = "", fracPart = ""] = text.split(".");
  const digits = (intPart + fracPart).replace(/^0+/, "");
  if (digits === "") return -Infinity;
  const leadingZerosInFraction = intPart.replace(/^0+/, "") === "" ? fracPart.length - fracPart.replace(/^0+/, "").length : 0;
  const exponent = intPart.replace(/^0+/, "").length > 0 ? intPart.replace(/^0+/, "").length - 1 : -(leadingZerosInFraction + 1);
  const lead = Number(`${digits[0]}.${digits.slice(1, 17) || "0"}`);
  return exponent + Math.log10(lead);
}

function parseInteger(text: string): number | null {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

export function parseNumber(input: string): TParsedNumber | TNumberReadError {
  let text = normaliseNumberText(input);
  if (text === "") return { ok: false, reason: "empty" };
  let sign: -1 | 1 = 1;
  if (text.startsWith("-") || text.startsWith("+")) {
    if (text.startsWith("-")) sign = -1;
    text = text.slice(1);
  }
  let log10: number | null = null;
  let match: RegExpMatchArray | null;
  if ((match = text.match(PLAIN))) {
    log10 = log10OfDecimal(match[1]!);
  } else if ((match = text.match(SCIENTIFIC))) {
    const exponent = parseInteger(match[2]!);
    if (exponent !== null) log10 = log10OfDecimal(match[1]!) + exponent;
  } else if ((match = text.match(POWER))) {
    log10 = powerLog10(match[1]!, match[2]!);
  } else if ((match = text.match(PRODUCT))) {
    log10 = log10OfDecimal(match[1]!) + log10OfDecimal(match[2]!);
  } else if ((match = text.match(TIMES_POWER))) {
    const power = powerLog10(match[2]!, match[3]!);
    if (power !== null) log10 = log10OfDecimal(match[1]!) + power;
  }
  if (log10 === null || Number.isNaN(log10)) return { ok: false, reason: "unreadable" };
  if (Math.abs(log10) > MAX_LOG10 && Number.isFinite(log10)) return { ok: false, reason: "too_large" };
  if (log10 === -Infinity) return { ok: true, sign: 0, log10, display: "0" };
  return { ok: true, sign, log10, display: formatLog10(sign, log10) };
}

function powerLog10(base: string, exponentText: string): number | null {
  const exponent = parseInteger(exponentText);
  if (exponent === null) return null;
  const baseLog = log10OfDecimal(base);
  if (baseLog === -Infinity) return exponent > 0 ? -Infinity : null;
  return exponent * baseLog;
}

export function formatLog10(sign: -1 | 0 | 1, log10: number): string {
  if (sign === 0) return "0";
  const prefix = sign < 0 ? "-" : "";
  const rounded = Math.round(log10);
  if (Math.abs(log10 - rounded) < 1e-9 && Math.abs(rounded) >= 4) return `${prefix}10^${rounded}`;
  if (Math.abs(log10) < 15) {
    const value = 10 ** log10;
    return prefix + Number(value.toPrecision(12)).toLocaleString("en-US", { maximumFractionDigits: 10 });
  }
  const exponent = Math.floor(log10);
  const mantissa = 10 ** (log10 - exponent);
  return `${prefix}≈ ${mantissa.toFixed(3)} × 10^${exponent}`;
}
