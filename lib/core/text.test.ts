import { describe, expect, it } from "vitest";
import { hasUnstorableText, isStorable, ZId, zText } from "./text";

describe("text PostgreSQL can store", () => {
  it("refuses NUL and lone surrogates, keeps everything else including emoji and CJK", () => {
    expect(isStorable("生成式 AI 😀 \t\n")).toBe(true);
    expect(isStorable("a\u0000b")).toBe(false);
    expect(isStorable("\uD800")).toBe(false);
    expect(isStorable("x\uDC00")).toBe(false);
    expect(isStorable("\uD83D\uDE00")).toBe(true);
  });

  it("finds them at any depth, in keys too", () => {
    expect(hasUnstorableText({ a: [{ b: "ok" }, 1, null] })).toBe(false);
    expect(hasUnstorableText({ a: [{ b: "no\u0000" }] })).toBe(true);
    expect(hasUnstorableText({ "\uD800": 1 })).toBe(true);
  });

  it("zText and ZId refuse what cannot be stored or is no id of ours", () => {
    expect(zText(5).safeParse("abc").success).toBe(true);
    expect(zText(5).safeParse("a\u0000").success).toBe(false);
    expect(zText(5).safeParse("abcdef").success).toBe(false);
    expect(ZId.safeParse("cmabc123_x-y").success).toBe(true);
    for (const bad of ["", "a b", "a\u0000", "x".repeat(65), "../etc", "😀"]) expect(ZId.safeParse(bad).success, bad).toBe(false);
  });
});
