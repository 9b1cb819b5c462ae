import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { StartAttemptButton } from "@/components/assignment/start-attempt-button";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { loadAssignment } from "@/lib/attempt/loaders";
import { feedbackReleased } from "@/lib/attempt/rules";
import { localize } from "@/lib/content/localize";
import type { TLocalizedText } from "@/lib/quiz/schema";

export default async function AssignmentPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const [{ assignment, attempts, inProgress, block, now }, locale, t, format] = await Promise.all([loadAssignment(assignmentId), getLocale(), getTranslations("assignment"), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const released = feedbackReleased(assignment, now);
  const rules: [string, string][] = [
    [t("mode"), t(`mode_${assignment.mode}`)],
    [t("questions"), String(assignment.quizVersion._count.questions)],
    [t("opens"), assignment.opensAt ? when(assignment.opensAt) : t("always")],
    [t("closes"), assignment.closesAt ? when(assignment.closesAt) : t("never")],
    [t("timeLimit"), assignment.timeLimitMinutes ? t("minutes", { count: assignment.timeLimitMinutes }) : t("noLimit")],
    [t("attemptsAllowed"), assignment.attemptsAllowed ? t("attemptsUsed", { used: attempts.length, allowed: assignment.attemptsAllowed }) : t("unlimited")],
    [t("counted"), t(`counted_${assignment.countedAttempt}`)],
    [t("feedbackWhen"), t(`feedback_${assignment.feedbackTiming}`)],
  ];
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <p className="text-sm font-medium text-teal-900">{assignment.class.name}</p>
        <h1 className="text-3xl font-bold">{localize(assignment.quizVersion.title as TLocalizedText, locale)}</h1>
        <Link href={`/lectures/${assignment.quiz.lecture.slug}`} className={`${buttonClass("link")} mt-1`}>
          {t("readLecture")}
        </Link>
      </header>
      <Card aria-labelledby="rules">
        <h2 id="rules" className="mb-3 text-xl font-semibold">{t("rules")}</h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1" data-testid="assignment-rules">
          {rules.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {assignment.timeLimitMinutes ? <p className="mt-3 text-sm text-slate-700">{t("timerNote", { grace: assignment.graceSeconds })}</p> : null}
        <div className="mt-4">
          {inProgress ? (
            <Link href={`/attempts/${inProgress.id}`} className={buttonClass()}>
              {t("resume", { number: inProgress.number })}
            </Link>
          ) : block ? (
            <p className="font-medium text-amber-900" data-testid="start-blocked">
              {t(`block_${block}`, { time: assignment.opensAt ? when(assignment.opensAt) : "" })}
            </p>
          ) : (
            <StartAttemptButton assignmentId={assignment.id} label={attempts.length ? (assignment.mode === "PRACTICE" ? t("practiseAgain") : t("startAnother")) : t("start")} />
          )}
        </div>
      </Card>
      {attempts.length ? (
        <Card aria-labelledby="my-attempts">
          <h2 id="my-attempts" className="mb-3 text-xl font-semibold">{t("myAttempts")}</h2>
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-400 text-left">
                <th scope="col" className="py-2 pr-4">{t("attempt")}</th>
                <th scope="col" className="py-2 pr-4">{t("status")}</th>
                <th scope="col" className="py-2 pr-4">{t("score")}</th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((attempt) => (
                <tr key={attempt.id} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-4 text-left font-normal">
                    <Link href={`/attempts/${attempt.id}`} className="text-teal-800 underline underline-offset-2">
                      {t("attemptNumber", { number: attempt.number })}
                    </Link>
                  </th>
                  <td className="py-2 pr-4">
                    {attempt.status === "IN_PROGRESS"
                      ? t("inProgress")
                      : t(attempt.autoSubmitted ? "submittedAuto" : "submittedAt", { time: when(attempt.submittedAt ?? attempt.startedAt) })}
                  </td>
                  <td className="py-2 pr-4">{attempt.status === "SUBMITTED" ? (released ? `${format.number(attempt.score ?? 0, "points")} / ${format.number(attempt.maxScore ?? 0, "points")}` : t("scoreLater")) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ) : null}
    </div>
  );
}
