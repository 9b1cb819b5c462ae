import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

const ORIGIN = "http://localhost:3000";

describe("safeReturnPath", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeReturnPath("/assignments/demo-01-starter", ORIGIN)).toBe("/assignments/demo-01-starter");
    expect(safeReturnPath("/classes/abc/roster?section=A#pending", ORIGIN)).toBe("/classes/abc/roster?section=A#pending");
    expect(safeReturnPath("/lectures/lecture-01#playground", ORIGIN)).toBe("/lectures/lecture-01#playground");
    expect(safeReturnPath("http://localhost:3000/progress", ORIGIN)).toBe("/progress");
    expect(safeReturnPath("review", ORIGIN)).toBe("/review");
  });

  it.each([
    ["/\\evil.example/phish"],
    ["\\\\evil.example"],
    ["//evil.example/phish"],
    ["/\\/evil.example"],
    ["https://evil.example/"],
    ["https:evil.example"],
    ["http://localhost:3001/other-port"],
    ["javascript:alert(1)"],
    ["/\t/evil.example"],
    [" //evil.example"],
    ["/%0a/evil.example"],
  ])("sends %j home instead of off the site", (value) => {
    const kept = safeReturnPath(value, ORIGIN);
    // Whatever is kept must still resolve to this origin in a browser
    expect(new URL(kept, ORIGIN).origin).toBe(ORIGIN);
    expect(kept.startsWith("//") || kept.includes("\\")).toBe(false);
  });

  it("drops what is not a string, empty or too long", () => {
    expect(safeReturnPath(undefined, ORIGIN)).toBe("/");
    expect(safeReturnPath(["/a"], ORIGIN)).toBe("/");
    expect(safeReturnPath("", ORIGIN)).toBe("/");
    expect(safeReturnPath(`/${"a".repeat(3000)}`, ORIGIN)).toBe("/");
  });

  it("never returns a path a browser reads as another host", () => {
    expect(safeReturnPath("/.//evil.example", ORIGIN)).toBe("/evil.example");
    expect(safeReturnPath("/%2F%2Fevil.example", ORIGIN)).toBe("/%2F%2Fevil.example");
    expect(safeReturnPath("/\\evil.example/phish", ORIGIN)).toBe("/");
  });
});
