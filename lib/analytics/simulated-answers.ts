import type { TAnswer, TQuestion } from "@/lib/quiz/schema";

// Answers a student of a given skill might plausibly give: the demo class's cohort and the
// dashboard benchmark are made of them. Stronger students answer correctly more often, harder
// questions are missed more often, and wrong answers are the mistakes students actually make
// (a wrong option, a swapped pair, a known wrong number such as 10^100 instead of 10^300).

/** Open answers written for the lecture, by question uuid: right ones and wrong or contradictory ones. */
export type TOpenAnswerBank = Map<string, { right: string[]; wrong: string[] }>;

const DIFFICULTY = { easy: -1, medium: 0, hard: 1 } as const;
const UNANSWERED_RATE = 0.03;

/** The chance that a student of `skill` (about −2 … 2) gets a question of this difficulty right. */
export function chanceRight(skill: number, difficulty: TQuestion["difficulty"]): number {
  return 1 / (1 + Math.exp(-(1.6 * skill - DIFFICULTY[difficulty] + 0.6)));
}

const pick = <T,>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

/** `question` must be the student's own variant (instantiated), so that numbers fit it. */
export function simulateAnswer(question: TQuestion, skill: number, random: () => number, bank?: TOpenAnswerBank): TAnswer | null {
  if (random() < UNANSWERED_RATE) return null;
  const p = chanceRight(skill, question.difficulty);
  const right = () => random() < p;
  switch (question.type) {
    case "single_choice": {
      const wrong = question.options.filter((o) => !o.correct);
      return { type: "single_choice", optionId: right() ? question.options.find((o) => o.correct)!.id : pick(wrong, random).id };
    }
    case "multiple_select":
      return { type: "multiple_select", optionIds: question.options.filter((o) => (right() ? o.correct : !o.correct)).map((o) => o.id) };
    case "categorize": {
      const placements: Record<string, string> = {};
      for (const item of question.items) {
        const others = question.categories.filter((c) => c.id !== item.category);
        placements[item.id] = right() || others.length === 0 ? item.category : pick(others, random).id;
      }
      return { type: "categorize", placements };
    }
    case "ordering": {
      const order = question.items.map((item) => item.id);
      for (let i = 0; i + 1 < order.length; i++) if (!right() && random() < 0.5) [order[i], order[i + 1]] = [order[i + 1]!, order[i]!];
      return { type: "ordering", order };
    }
    case "numeric": {
      if (right()) return { type: "numeric", text: question.answer };
      if (question.commonMistakes.length && random() < 0.7) return { type: "numeric", text: pick(question.commonMistakes, random).answer };
      return { type: "numeric", text: random() < 0.15 ? "很多很多" : String(Math.round(random() * 10_000)) };
    }
    case "short_text":
      return { type: "short_text", text: right() ? question.accepted[0]! : pick(["不知道", "model", "AI"], random) };
    case "next_token": {
      const byChance = [...question.candidates].sort((a, b) => b.probability - a.probability);
      return { type: "next_token", candidateId: right() ? byChance[0]!.id : byChance.at(-1)!.id, typed: "" };
    }
    case "open": {
      const written = bank?.get(question.uuid);
      const ok = right();
      const pool = written ? (ok ? written.right : written.wrong) : [];
      const text = pool.length ? pick(pool, random) : ok ? question.referenceAnswer["zh-TW"] : "我不太確定，應該跟 AI 有關。";
      return { type: "open", text };
    }
  }
}
