import { describe, expect, it } from "vitest";

import { ZPlaygroundRequest } from "./schema";

const ok = { prefix: "今天天氣很", temperature: 0.7, steps: 12 };

function refusal(input: unknown): string {
  const parsed = ZPlaygroundRequest.safeParse(input);
  expect(parsed.success, JSON.stringify(input)).toBe(false);
  return parsed.error!.issues.map((i) => i.message).join("; ");
}

describe("what the playground accepts", () => {
  it("takes a prefix of 1 to 200 characters, a temperature from 0 to 1.5 and 1 to 40 steps", () => {
    expect(ZPlaygroundRequest.parse(ok)).toEqual(ok);
    expect(ZPlaygroundRequest.parse({ prefix: "x".repeat(200), temperature: 1.5, steps: 40 }).steps).toBe(40);
    expect(ZPlaygroundRequest.parse({ prefix: "😀", temperature: 0, steps: 1, seed: 7 }).seed).toBe(7);
  });

  it("refuses bad input and says which field and why", () => {
    expect(refusal({ ...ok, prefix: "" })).toMatch(/prefix: write at least one character/u);
    expect(refusal({ ...ok, prefix: "   " })).toMatch(/prefix: write something other than spaces/u);
    expect(refusal({ ...ok, prefix: "x".repeat(201) })).toMatch(/prefix: at most 200 characters/u);
    expect(refusal({ ...ok, prefix: "今天\u0000天氣" })).toMatch(/prefix: must not contain NUL/u);
    expect(refusal({ ...ok, prefix: "今天\uD83D天氣" })).toMatch(/prefix: must not contain unpaired surrogates/u);
    expect(refusal({ ...ok, prefix: "今天\uDE00" })).toMatch(/unpaired surrogates/u);
    expect(refusal({ ...ok, temperature: -0.1 })).toMatch(/temperature: at least 0/u);
    expect(refusal({ ...ok, temperature: 1.6 })).toMatch(/temperature: at most 1.5/u);
    expect(refusal({ ...ok, temperature: "0.5" })).toMatch(/temperature: required, as a number/u);
    expect(refusal({ ...ok, steps: 0 })).toMatch(/steps: at least 1/u);
    expect(refusal({ ...ok, steps: 41 })).toMatch(/steps: at most 40/u);
    expect(refusal({ ...ok, steps: 2.5 })).toMatch(/steps: a whole number/u);
    expect(refusal({ ...ok, extra: 1 })).toMatch(/unrecognized key/iu);
    expect(refusal({ temperature: 0, steps: 1 })).toMatch(/prefix: required, as text/u);
    expect(refusal({ prefix: "x", temperature: 0 })).toMatch(/steps: required, as a number/u);
  });
});
