import { describe, expect, it } from "vitest";
import { parseKey, withinTolerance } from "./score-numeric";

describe("withinTolerance", () => {
  const key = parseKey("10^300");
  it("order of magnitude compares log10 distance", () => {
    expect(withinTolerance(parseKey("5e300"), key, { kind: "order_of_magnitude", value: 1 })).toBe(true);
    expect(withinTolerance(parseKey("10^302"), key, { kind: "order_of_magnitude", value: 1 })).toBe(false);
  });
  it("relative tolerance works on numbers far beyond a double", () => {
    expect(withinTolerance(parseKey("1.01e300"), key, { kind: "relative", value: 0.02 })).toBe(true);
    expect(withinTolerance(parseKey("1.05e300"), key, { kind: "relative", value: 0.02 })).toBe(false);
  });
  it("absolute tolerance for ordinary numbers", () => {
    expect(withinTolerance(parseKey("3.14"), parseKey("3.14159"), { kind: "absolute", value: 0.01 })).toBe(true);
    expect(withinTolerance(parseKey("3.1"), parseKey("3.14159"), { kind: "absolute", value: 0.01 })).toBe(false);
    expect(withinTolerance(parseKey("-3.14159"), parseKey("3.14159"), { kind: "absolute", value: 0.01 })).toBe(false);
  });
});
