import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNumber } from "./parse-number";

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const superscript = (n: number) => [...String(n)].map((d) => SUPERSCRIPT[Number(d)]).join("");

describe("parseNumber, property-based", () => {
  it("every notation of 10^k reads as exactly k", () => {
    const notations = (k: number) => [
      `10^${k}`, `10**${k}`, `1e${k}`, `1E+${k}`, `10${superscript(k)}`, `10的${k}次方`, `1×10^${k}`,
      `1${"0".repeat(k)}`, ...(k % 3 === 0 ? [`1000^${k / 3}`, `1,000^${k / 3}`] : []), ...(k % 2 === 0 ? [`100^${k / 2}`] : []),
    ];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), (k) => {
        for (const text of notations(k)) {
          const result = parseNumber(text);
          expect(result.ok, text).toBe(true);
          if (result.ok) expect(Math.abs(result.log10 - k), text).toBeLessThan(1e-9);
        }
      }),
    );
  });

  it("a b^n power is read as n·log10(b), without overflow", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (base, exponent) => {
        const result = parseNumber(`${base}^${exponent}`);
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.log10).toBeCloseTo(exponent * Math.log10(base), 6);
      }),
    );
  });

  it("random junk is refused, never read as some number", () => {
    const junk = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => /[a-df-wyzA-DF-WYZ!@#$%&(){}[\]<>?;:|~`"']/.test(s));
    fc.assert(
      fc.property(junk, (text) => {
        const result = parseNumber(text);
        expect(result.ok, JSON.stringify(text)).toBe(false);
      }),
    );
  });

  it("a plain integer reads as its own digit count", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 0, maxLength: 400 }), (lead, rest) => {
        const result = parseNumber(`${lead}${rest}`);
        expect(result.ok).toBe(true);
        if (result.ok) expect(Math.floor(result.log10 + 1e-12)).toBe(rest.length);
      }),
    );
  });
});
