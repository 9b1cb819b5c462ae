import { describe, expect, it } from "vitest";

import { checkFeedback } from "./feedback-check";
import type { TCriterionEvent } from "./schema";

const verdicts = (...v: TCriterionEvent["verdict"][]): TCriterionEvent[] => v.map((verdict, i) => ({ type: "criterion", criterionId: `c${i}`, verdict, contradicted: false, evidence: null }));

describe("checking a model's feedback", () => {
  it("accepts fluent feedback in the student's language", () => {
    expect(checkFeedback("你已經說明了可能的輸出多到無法列舉，這點很好；再補上 1000^100 是怎麼算出來的，答案會更完整。", "zh-TW", verdicts("met", "missed"))).toBeNull();
    expect(checkFeedback("You explain well why the outputs cannot be listed. Add how 1000^100 comes about to complete the answer.", "en", verdicts("met", "missed"))).toBeNull();
  });

  it("refuses the wrong language, Simplified characters, and English for a zh-TW student", () => {
    expect(checkFeedback("You explain well why the outputs cannot be listed, which is good.", "zh-TW", verdicts("met"))).toBe("language");
    expect(checkFeedback("你说明了输出太多，这个观点很好，我们再补充一下计算过程。", "zh-TW", verdicts("met"))).toBe("language");
    expect(checkFeedback("你的答案說明了輸出太多，這點很好，接下來補上計算。", "en", verdicts("met"))).toBe("language");
  });

  it("refuses praise of a complete answer when a point is missing, and any score of its own", () => {
    expect(checkFeedback("完全正確！你的答案把每個步驟都說清楚了，非常好。", "zh-TW", verdicts("met", "missed"))).toBe("claims_full_marks");
    expect(checkFeedback("Great work, this deserves full marks for explaining the idea.", "en", verdicts("met", "partly"))).toBe("claims_full_marks");
    expect(checkFeedback("Good start. I would give this 2/3 points because the example is missing.", "en", verdicts("met", "met", "missed"))).toBe("states_score");
    expect(checkFeedback("完全正確！你的答案把每個步驟都說清楚了，非常好。", "zh-TW", verdicts("met", "met"))).toBeNull();
  });

  it("does not read 不完全正確 as praise, and refuses feedback that copies the reference answer", () => {
    expect(checkFeedback("你的答案不完全正確：模型不是一次算出整段答案，而是一步一步產生。", "zh-TW", verdicts("missed", "met"))).toBeNull();
    const reference = "The model reads all the text so far, computes a probability for every possible next token, and picks one according to those probabilities.";
    expect(checkFeedback(`A better answer would be: "${reference}"`, "en", verdicts("partly"), reference)).toBe("reveals_reference");
    expect(checkFeedback("Say what the model reads at each step and how it chooses the next token.", "en", verdicts("partly"), reference)).toBeNull();
  });

  it("refuses feedback too short to help or too long to read", () => {
    expect(checkFeedback("Good.", "en", verdicts("met"))).toBe("too_short");
    expect(checkFeedback("很好。".repeat(300), "zh-TW", verdicts("met"))).toBe("too_long");
  });
});
