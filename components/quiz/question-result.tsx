import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FinalFeedback } from "@/components/grading/final-feedback";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { localize } from "@/lib/content/localize";
import type { TGradeResult } from "@/lib/quiz/grade-question";
import type { TAnswer, TQuestion } from "@/lib/quiz/schema";
import { AnswerReview } from "./answer-review";
import { OUTCOME_TONE } from "./outcome-tone";


type TProps = {
  index: number;
  question: TQuestion;
  answer: TAnswer | { type: "unanswered" };
  grade: TGradeResult;
  lectureSlug: string;
  /** An open answer's rubric grading, streamed */
  finalRoundId?: string | null;
  gradeSource?: string | null;
  /** A person accepted or replaced the machine's grade */
  reviewed?: boolean;
};

// Every text here is rendered as text: React escapes it, nothing is injected as HTML.
export async function QuestionResult({ index, question, answer, grade, lectureSlug, finalRoundId, gradeSource, reviewed = false }: TProps) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <Card aria-labelledby={`result-${index}`} data-outcome={grade.outcome}>
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={`result-${index}`} className="text-sm font-semibold uppercase tracking-wide text-teal-900">
          {t("quiz.questionNumber", { number: index + 1 })}
        </h2>
        <Badge tone={OUTCOME_TONE[grade.outcome]}>{t(`result.outcome_${grade.outcome}`)}</Badge>
        {grade.outcome !== "awaiting_grading" ? (
          <span className="text-sm text-slate-800">{t("result.questionScore", { score: grade.score, max: grade.maxScore })}</span>
        ) : null}
      </div>
      <p className="mt-2 whitespace-pre-line text-lg font-medium">{localize(question.prompt, locale)}</p>
      <AnswerReview question={question} answer={answer} grade={grade} />
      {gradeSource === "HUMAN" || reviewed ? (
        <p className="mt-2 text-sm font-medium text-teal-900">{t("gradingStream.reviewedByPerson")}</p>
      ) : gradeSource === "BUILTIN_RUBRIC" || gradeSource === "LLM_RUBRIC" ? (
        <p className="mt-2 text-sm text-slate-700">{t("gradingStream.machineGraded")}</p>
      ) : null}
      {finalRoundId && gradeSource !== "HUMAN" ? (
        <FinalFeedback roundId={finalRoundId} refreshOnEnd={grade.outcome === "awaiting_grading"} />
      ) : (
        <div className="mt-3 flex flex-col gap-1">
          {grade.feedback.map((text, i) => (
            <p key={i} className="whitespace-pre-line text-slate-900">
              {localize(text, locale)}
            </p>
          ))}
        </div>
      )}
      <Link href={`/lectures/${lectureSlug}#${question.section}`} className="mt-3 inline-block text-teal-800 underline underline-offset-2">
        {t("result.reviewSection")}
      </Link>
    </Card>
  );
}
