import { describe, expect, it } from "vitest";
import { parseNumber } from "./parse-number";

describe("parseNumber", () => {
  const TEN_TO_300 = ["10^300", "10**300", "1e300", "1E+300", "10³⁰⁰", "1000^100", "1,000^100", "10的300次方", "1×10^300", "１０^３００", `1${"0".repeat(300)}`];

  it.each(TEN_TO_300)("reads %s as 10^300", (input) => {
    const result = parseNumber(input);
    expect(result).toMatchObject({ ok: true, sign: 1, display: "10^300" });
    expect(result.ok && result.log10).toBeCloseTo(300, 9);
  });

  it("computes huge powers without overflowing to Infinity", () => {
    const result = parseNumber("2^1000");
    expect(result.ok && result.log10).toBeCloseTo(301.03, 2);
    expect(result.ok && result.display).toBe("≈ 1.072 × 10^301");
  });

  it("reads a product such as 1000 × 100", () => {
    expect(parseNumber("1000 × 100")).toMatchObject({ ok: true, log10: 5, display: "10^5" });
    expect(parseNumber("2*64")).toMatchObject({ ok: true, display: "128" });
  });

  it("reads ordinary numbers and signs", () => {
    expect(parseNumber("3.5")).toMatchObject({ ok: true, display: "3.5" });
    expect(parseNumber("-2e5")).toMatchObject({ ok: true, sign: -1, display: "-200,000" });
    expect(parseNumber("0")).toMatchObject({ ok: true, sign: 0 });
  });

  it.each(["abc", "1,5", "10^", "^300", "1e", "10^3.5.1", "0^0", "2*", "x5"])("refuses %s instead of guessing", (input) => {
    expect(parseNumber(input)).toEqual({ ok: false, reason: "unreadable" });
  });

  it("tells empty input apart from unreadable input", () => {
    expect(parseNumber("   ")).toEqual({ ok: false, reason: "empty" });
    expect(parseNumber("1e99999999999")).toEqual({ ok: false, reason: "too_large" });
  });
});
