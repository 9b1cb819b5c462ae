import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { QuestionResult } from "@/components/quiz/question-result";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { loadAttempt } from "@/lib/attempt/loaders";
import { localize } from "@/lib/content/localize";
import type { TLocalizedText } from "@/lib/quiz/schema";

export default async function AttemptPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  const [attempt, t, locale, format] = await Promise.all([loadAttempt(attemptId), getTranslations("result"), getLocale(), getFormatter()]);
  const { reviewed, awaiting, viewerIsOwner } = attempt;
  const lectureSlug = attempt.quizVersion.quiz.lecture.slug;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-sm font-medium text-teal-900">{attempt.assignment?.class.name}</p>
        <h1 className="text-3xl font-bold">
          {t("title")}: {localize(attempt.quizVersion.title as TLocalizedText, locale)}
        </h1>
        {!viewerIsOwner ? <p>{t("takenBy", { name: attempt.user.name ?? attempt.user.email })}</p> : null}
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
        {attempt.assignment && viewerIsOwner ? (
          <Link href={`/assignments/${attempt.assignment.id}`} className={buttonClass()}>
            {t("tryAgain")}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
