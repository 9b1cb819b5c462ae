import { describe, expect, it } from "vitest";
import { readablePrompt } from "./readable-prompt";

const question = {
  prompt: { "zh-TW": "從 {{V}} 個字中選，寫 {{L}} 個字，有幾種可能？", en: "Choosing from {{V}} characters, how many texts of {{ L }} characters?" },
  parameters: { V: { values: [500, 1000] }, L: { range: [90, 120] as [number, number], step: 10 } },
};

describe("readablePrompt", () => {
  it("shows a parameterized prompt without template braces, with each parameter's values", () => {
    expect(readablePrompt(question, "en")).toBe("Choosing from V characters, how many texts of L characters?\nEach student gets their own numbers: V = 500, 1000; L = 90 to 120 (in steps of 10)");
    expect(readablePrompt(question, "zh-TW")).toBe("從 V 個字中選，寫 L 個字，有幾種可能？\n每位學生的數字不同：V = 500、1000；L = 90 到 120（每 10 一級）");
    expect(readablePrompt(question, "en")).not.toContain("{{");
  });

  it("leaves other prompts as they are", () => {
    expect(readablePrompt({ prompt: { "zh-TW": "甲", en: "A" } }, "en")).toBe("A");
  });
});
