import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { QuestionResult } from "@/components/quiz/question-result";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { loadAttempt } from "@/lib/attempt/loaders";
import { localize } from "@/lib/content/localize";
import { gradeQuestion, type TGradeResult } from "@/lib/quiz/grade-question";
import type { TAnswer, TLocalizedText, TQuestion } from "@/lib/quiz/schema";
import { instantiate, type TVariant } from "@/lib/quiz/variants";
import { getSessionUser } from "@/lib/core/session";

export default async function AttemptPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  const [attempt, t, locale, format, viewer] = await Promise.all([
    loadAttempt(attemptId),
    getTranslations("result"),
    getLocale(),
    getFormatter(),
    getSessionUser(),
  ]);
  const lectureSlug = attempt.quizVersion.quiz.lecture.slug;
  // Each question as this student saw it; ungraded (open) answers show as awaiting grading.
  const reviewed = attempt.responses.map((response) => {
    const question = instantiate(response.question.definition as TQuestion, (response.variant ?? {}) as TVariant);
    const answer = response.answer as TAnswer | { type: "unanswered" };
    const grade = (response.grade?.feedback as TGradeResult | undefined) ?? gradeQuestion(question, answer.type === "unanswered" ? undefined : answer);
    return { id: response.question.id, question, answer, grade };
  });
  const awaiting = reviewed.filter((entry) => entry.grade.outcome === "awaiting_grading").length;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-sm font-medium text-teal-900">{attempt.assignment?.class.name}</p>
        <h1 className="text-3xl font-bold">
          {t("title")}: {localize(attempt.quizVersion.title as TLocalizedText, locale)}
        </h1>
        {viewer?.id !== attempt.userId ? <p>{t("takenBy", { name: attempt.user.name ?? attempt.user.email })}</p> : null}
      </header>
      <Card aria-live="polite">
        <p className="text-2xl font-semibold" data-testid="total-score">
          {t("score", { score: attempt.score ?? 0, max: attempt.maxScore ?? 0 })}
        </p>
        {awaiting > 0 ? <p className="text-slate-800">{t("awaitingCount", { count: awaiting })}</p> : null}
        {attempt.submittedAt ? (
          <p className="text-slate-700">{t("submittedAt", { time: format.dateTime(attempt.submittedAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
        ) : null}
      </Card>
      {reviewed.map((entry, index) => (
        <QuestionResult key={entry.id} index={index} question={entry.question} answer={entry.answer} grade={entry.grade} lectureSlug={lectureSlug} />
      ))}
      <div className="flex flex-wrap gap-3">
        <Link href="/" className={buttonClass("secondary")}>
          {t("backHome")}
        </Link>
        {attempt.assignment && viewer?.id === attempt.userId ? (
          <Link href={`/assignments/${attempt.assignment.id}`} className={buttonClass()}>
            {t("tryAgain")}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
