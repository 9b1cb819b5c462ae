import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AttemptRunner } from "@/components/attempt/attempt-runner";
import { QuestionResult } from "@/components/quiz/question-result";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { loadAttempt } from "@/lib/attempt/loaders";
import { localize } from "@/lib/content/localize";
import type { TLocalizedText } from "@/lib/quiz/schema";

export default async function AttemptPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  const [attempt, t, ta, locale, format] = await Promise.all([loadAttempt(attemptId), getTranslations("result"), getTranslations("attempt"), getLocale(), getFormatter()]);
  const title = localize(attempt.title as TLocalizedText, locale);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const header = (heading: string) => (
    <header className="flex flex-col gap-2">
      <p className="text-sm font-medium text-teal-900">{attempt.className}</p>
      <h1 className="text-3xl font-bold">{ta("heading", { what: heading, title })}</h1>
      {!attempt.viewerIsOwner ? <p>{t("takenBy", { name: attempt.takenBy })}</p> : null}
    </header>
  );

  if (attempt.view === "taking") {
    if (!attempt.viewerIsOwner) {
      return (
        <div className="flex flex-col gap-6">
          {header(ta("inProgressTitle"))}
          <Card>
            <p>{ta("staffInProgress", { answered: attempt.answeredCount, total: attempt.questionCount, started: when(attempt.startedAt) })}</p>
          </Card>
        </div>
      );
    }
    return (
      <div className="flex flex-col gap-6">
        {header(ta("takingTitle", { number: attempt.number }))}
        <AttemptRunner
          attemptId={attempt.id}
          questions={attempt.questions}
          saved={attempt.saved}
          flagged={attempt.flagged}
          deadlineAt={attempt.deadlineAt?.toISOString() ?? null}
          serverNow={attempt.serverNow}
          checkable={attempt.checkable}
          rounds={attempt.rounds}
        />
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      {header(t("title"))}
      <Card aria-live="polite">
        {attempt.released ? (
          <>
            <p className="text-2xl font-semibold" data-testid="total-score">
              {t("score", { score: attempt.score ?? 0, max: attempt.maxScore ?? 0 })}
            </p>
            {attempt.awaiting > 0 ? <p className="text-slate-800">{t("awaitingCount", { count: attempt.awaiting })}</p> : null}
          </>
        ) : (
          <p className="text-lg font-medium" data-testid="feedback-later">
            {t("feedbackLater", { time: attempt.releasesAt ? when(attempt.releasesAt) : "" })}
          </p>
        )}
        {attempt.submittedAt ? <p className="text-slate-700">{t(attempt.autoSubmitted ? "submittedAuto" : "submittedAt", { time: when(attempt.submittedAt) })}</p> : null}
      </Card>
      {attempt.reviewed.map((entry, index) => (
        <QuestionResult
          key={entry.id}
          index={index}
          question={entry.question}
          answer={entry.answer}
          grade={entry.grade}
          lectureSlug={attempt.lectureSlug}
          finalRoundId={entry.finalRoundId}
          gradeSource={entry.gradeSource}
          reviewed={entry.reviewed}
        />
      ))}
      <div className="flex flex-wrap gap-3">
        <Link href="/" className={buttonClass("secondary")}>
          {t("backHome")}
        </Link>
        {attempt.assignmentId && attempt.viewerIsOwner ? (
          <Link href={`/assignments/${attempt.assignmentId}`} className={buttonClass()}>
            {t("toAssignment")}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
