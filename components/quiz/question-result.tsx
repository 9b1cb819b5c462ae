import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { localize } from "@/lib/content/localize";
import type { TGradeResult, TOutcome } from "@/lib/quiz/grade-question";
import type { TQuestion } from "@/lib/quiz/schema";

const TONE: Record<TOutcome, "success" | "warning" | "danger" | "neutral"> = {
  correct: "success",
  partial: "warning",
  incorrect: "danger",
  unanswered: "neutral",
};

type TProps = { index: number; question: TQuestion; answer: unknown; grade: TGradeResult; lectureSlug: string };

// Every text here is rendered as text: React escapes it, nothing is injected as HTML.
export async function QuestionResult({ index, question, answer, grade, lectureSlug }: TProps) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const yourAnswer = describeAnswer(question, answer, locale) ?? t("result.notAnswered");
  const correctAnswer =
    question.type === "single_choice"
      ? localize(question.options.find((option) => option.correct)!.text, locale)
      : question.type === "numeric"
        ? String(grade.expected ?? question.answer)
        : null;
  return (
    <Card aria-labelledby={`result-${index}`} data-outcome={grade.outcome}>
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={`result-${index}`} className="text-sm font-semibold uppercase tracking-wide text-teal-900">
          {t("quiz.questionNumber", { number: index + 1 })}
        </h2>
        <Badge tone={TONE[grade.outcome]}>{t(`result.outcome_${grade.outcome}`)}</Badge>
        <span className="text-sm text-slate-800">{t("result.questionScore", { score: grade.score, max: grade.maxScore })}</span>
      </div>
      <p className="mt-2 text-lg font-medium">{localize(question.prompt, locale)}</p>
      {question.type !== "categorize" ? (
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">{t("result.yourAnswer")}</dt>
          <dd>
            {yourAnswer}
            {grade.reading && grade.reading !== yourAnswer ? <span className="text-slate-700"> ({t("quiz.readAs", { value: grade.reading })})</span> : null}
          </dd>
          <dt className="font-medium">{t("result.correctAnswer")}</dt>
          <dd>{correctAnswer}</dd>
        </dl>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-2 pr-3">{t("result.item")}</th>
                <th scope="col" className="py-2 pr-3">{t("result.placedIn")}</th>
                <th scope="col" className="py-2 pr-3">{t("result.shouldBe")}</th>
                <th scope="col" className="py-2">{t("result.explanation")}</th>
              </tr>
            </thead>
            <tbody>
              {grade.items?.map((item) => (
                <tr key={item.id} className="border-b border-slate-200 align-top" data-correct={item.correct}>
                  <th scope="row" className="py-2 pr-3 font-normal">{localize(item.text, locale)}</th>
                  <td className="py-2 pr-3">
                    {item.chosen ? localize(item.chosen, locale) : t("result.notAnswered")} {item.correct ? "✓" : "✗"}
                  </td>
                  <td className="py-2 pr-3">{localize(item.expected, locale)}</td>
                  <td className="py-2">{localize(item.feedback, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="mt-3 flex flex-col gap-1">
        {grade.feedback.map((text, i) => (
          <p key={i} className="text-slate-900">
            {localize(text, locale)}
          </p>
        ))}
      </div>
      <Link href={`/lectures/${lectureSlug}#${question.section}`} className="mt-3 inline-block text-teal-800 underline underline-offset-2">
        {t("result.reviewSection")}
      </Link>
    </Card>
  );
}

function describeAnswer(question: TQuestion, answer: unknown, locale: string): string | null {
  const value = answer as { type?: string; optionId?: string | null; text?: string };
  if (question.type === "single_choice" && value.type === "single_choice") {
    const option = question.options.find((candidate) => candidate.id === value.optionId);
    return option ? localize(option.text, locale) : null;
  }
  if (question.type === "numeric" && value.type === "numeric") return value.text?.trim() ? value.text : null;
  return null;
}
