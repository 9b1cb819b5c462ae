import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zhTW from "@/messages/zh-TW.json";
import { APP_ERROR_CODES } from "./errors";

function keys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

describe("message catalogues", () => {
  it("zh-TW and English have exactly the same keys", () => {
    const zh = new Set(keys(zhTW));
    const english = new Set(keys(en));
    expect([...zh].filter((k) => !english.has(k)), "missing in en.json").toEqual([]);
    expect([...english].filter((k) => !zh.has(k)), "missing in zh-TW.json").toEqual([]);
  });

  it("every error code has a message in both languages", () => {
    for (const code of APP_ERROR_CODES) {
      expect(zhTW.errors).toHaveProperty(code);
      expect(en.errors).toHaveProperty(code);
    }
  });

  it("holds none of the field names the quiz leak scan looks for (every page sends the catalogue to the browser)", () => {
    // Kept in step with the secrets in e2e/every-question-type.spec.ts
    const secrets = ['"correct"', "correctFeedback", "incorrectFeedback", "commonMistakes", '"probability"', '"rubric"', "referenceAnswer", '"accepted"', '"patterns"', '"category"', '"answer":', '"feedback"', "keyIdeas", "misconceptions"];
    for (const catalogue of [JSON.stringify(zhTW), JSON.stringify(en)]) for (const secret of secrets) expect(catalogue, secret).not.toContain(secret);
  });

  it("no message is left empty", () => {
    const leaves = (value: unknown): unknown[] => (value && typeof value === "object" ? Object.values(value).flatMap(leaves) : [value]);
    expect([...leaves(zhTW), ...leaves(en)].filter((value) => typeof value !== "string" || value.trim() === "")).toEqual([]);
  });
});

describe("points", () => {
  it("print with at most two decimals in every score message, in both languages", async () => {
    const { createTranslator } = await import("next-intl");
    const formats = { number: { points: { maximumFractionDigits: 2 } } };
    const zh = createTranslator({ locale: "zh-TW", messages: zhTW, formats });
    const english = createTranslator({ locale: "en", messages: en, formats });
    expect(zh("result.score", { score: 14.428571, max: 25 })).toBe("總分 14.43 / 25");
    expect(english("result.score", { score: 2.5, max: 3 })).toBe("Score 2.5 / 3");
    // No message prints a score or a maximum without the points format
    for (const catalogue of [JSON.stringify(zhTW), JSON.stringify(en)]) expect(catalogue).not.toMatch(/\{(score|max)\}/);
  });
});

describe("the numeric format hint", () => {
  it("shows no numeric question's own answer", async () => {
    const { loadContent } = await import("@/lib/content/load-content");
    const keys = (await loadContent()).quizzes.flatMap((quiz) => quiz.data.questions).flatMap((q) => (q.type === "numeric" && !q.answer.includes("{{") ? [q.answer] : []));
    expect(keys.length).toBeGreaterThan(0);
    for (const catalogue of [zhTW, en]) for (const text of [catalogue.quiz.numericHelp, catalogue.quiz.unreadable]) for (const key of keys) expect(text, key).not.toContain(key);
  });
});
