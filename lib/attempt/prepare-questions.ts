import type { TQuestion } from "@/lib/quiz/schema";
import { drawVariant, instantiate, variantSeed, type TVariant } from "@/lib/quiz/variants";

export type TPreparedQuestion = { id: string; question: TQuestion; variant: TVariant; seed: string };

/** Each question as this student sees it in this attempt: the same numbers every time. */
export function prepareQuestions(rows: { id: string; definition: unknown }[], attempt: { userId: string; number: number; variantSalt: string | null }): TPreparedQuestion[] {
  return rows.map((row) => {
    const definition = row.definition as TQuestion;
    const seed = variantSeed({ userId: attempt.userId, questionUuid: definition.uuid, attemptNumber: attempt.number, salt: attempt.variantSalt });
    const variant = drawVariant(definition, seed);
    return { id: row.id, question: instantiate(definition, variant), variant, seed };
  });
}
