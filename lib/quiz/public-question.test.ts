import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load-content";
import { toPublicQuestion } from "./public-question";
import type { TQuestion } from "./schema";

describe("the order a student sees", () => {
  it("shuffled by seed: the same seed gives the same order, and the key is not always first", async () => {
    const questions = (await loadContent()).quizzes.flatMap((quiz) => quiz.data.questions as TQuestion[]).filter((q) => q.type === "single_choice" || q.type === "multiple_select");
    expect(questions.length).toBeGreaterThan(5);
    let keyFirst = 0;
    for (const question of questions) {
      if (question.type !== "single_choice" && question.type !== "multiple_select") continue;
      const shown = toPublicQuestion("q", question, `check:${question.uuid}`, { shuffleOptions: true });
      const again = toPublicQuestion("q", question, `check:${question.uuid}`, { shuffleOptions: true });
      expect(again).toEqual(shown);
      if (shown.type !== "single_choice" && shown.type !== "multiple_select") continue;
      expect(new Set(shown.options.map((o) => o.id))).toEqual(new Set(question.options.map((o) => o.id)));
      if (question.options.find((o) => o.id === shown.options[0]!.id)?.correct) keyFirst++;
    }
    // Unshuffled, every one of these had its key first
    expect(keyFirst).toBeLessThan(questions.length * 0.8);
  });
});
