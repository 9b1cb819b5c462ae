import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { answerText } from "@/lib/analytics/answer-text";
import { loadStudentRecord } from "@/lib/analytics/loaders";
import { localize } from "@/lib/content/localize";
import { readablePrompt } from "@/lib/quiz/readable-prompt";
import type { TLocalizedText, TQuestion } from "@/lib/quiz/schema";
import { instantiate, type TVariant } from "@/lib/quiz/variants";

type TProps = { params: Promise<{ classId: string; userId: string }> };

const th = "py-1 pr-3 text-left font-semibold";
const td = "py-1 pr-3 align-top";
const link = "text-teal-800 underline underline-offset-2";
const truncate = (text: string) => (text.length > 90 ? `${text.slice(0, 90)}…` : text);

// Everything the student wrote is rendered as text only: React escapes it.
export default async function StudentRecordPage({ params }: TProps) {
  const { classId, userId } = await params;
  const [record, t, locale, format] = await Promise.all([loadStudentRecord(classId, userId), getTranslations("analytics"), getLocale(), getFormatter()]);
  if (!record) notFound();
  const { klass, student, attempts, counted } = record;
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const points = (value: number | null) => format.number(value ?? 0, "points");
  const who = (person: { name: string | null; email: string } | null) => (person ? (person.name ?? person.email) : "—");

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{t("drillTitle", { name: student.name })}</h1>
        <p>{t("drillIntro", { name: student.name, className: klass.name })}</p>
        <dl className="grid grid-cols-2 gap-x-6 text-sm md:grid-cols-3">
          <div><dt className="text-slate-700">{t("email")}</dt><dd>{student.email}</dd></div>
          <div><dt className="text-slate-700">{t("studentNumber")}</dt><dd>{student.studentNumber ?? "—"}</dd></div>
          <div><dt className="text-slate-700">{t("section")}</dt><dd>{student.section ?? t("noSection")}</dd></div>
        </dl>
        <Link href={`/classes/${klass.id}/overview`} className={link}>{t("backToOverview")}</Link>
      </header>
      {attempts.length === 0 ? <p>{t("noAttempts")}</p> : null}
      {attempts.map((attempt) => {
        const seconds = attempt.submittedAt ? (attempt.submittedAt.getTime() - attempt.startedAt.getTime()) / 1000 : null;
        return (
          <Card key={attempt.id} aria-labelledby={`attempt-${attempt.id}`} data-testid="student-attempt">
            <div className="flex flex-wrap items-center gap-2">
              <h2 id={`attempt-${attempt.id}`} className="text-xl font-semibold">
                {t("attemptHeading", { quiz: localize(attempt.quizVersion.title as TLocalizedText, locale), version: attempt.quizVersion.version, number: attempt.number })}
              </h2>
              <Badge tone={attempt.status === "SUBMITTED" ? "neutral" : "warning"}>{attempt.status === "SUBMITTED" ? t("statusSubmitted") : t("statusInProgress")}</Badge>
              {counted.has(attempt.id) ? <Badge tone="success">{t("counted")}</Badge> : null}
              {attempt.autoSubmitted ? <span className="text-sm text-slate-700">{t("autoSubmitted")}</span> : null}
            </div>
            <dl className="mt-2 grid grid-cols-2 gap-x-6 text-sm md:grid-cols-4">
              <div><dt className="text-slate-700">{t("startedAt")}</dt><dd>{when(attempt.startedAt)}</dd></div>
              <div><dt className="text-slate-700">{t("submittedAt")}</dt><dd>{when(attempt.submittedAt)}</dd></div>
              <div><dt className="text-slate-700">{t("timeTaken")}</dt><dd>{seconds === null ? "—" : t("minutes", { value: format.number(seconds / 60, { maximumFractionDigits: 1 }) })}</dd></div>
              <div><dt className="text-slate-700">{t("score")}</dt><dd>{attempt.status === "SUBMITTED" ? `${points(attempt.score)} / ${points(attempt.maxScore)}` : "—"}</dd></div>
            </dl>
            {attempt.status === "SUBMITTED" ? <p className="mt-2"><Link href={`/attempts/${attempt.id}`} className={link}>{t("openAttempt")}</Link></p> : null}
            <div className="mt-3 overflow-x-auto">
              <table className="w-full border-collapse text-sm">
                <thead>
                  <tr className="border-b border-slate-400">
                    <th scope="col" className={th}>{t("position")}</th>
                    <th scope="col" className={th}>{t("givenText")}</th>
                    <th scope="col" className={th}>{t("grade")}</th>
                  </tr>
                </thead>
                <tbody>
                  {attempt.responses.map((response) => {
                    // The student's own version of the question, with its numbers filled in
                    const question = instantiate(response.question.definition as TQuestion, (response.variant ?? {}) as TVariant);
                    const final = response.rounds.filter((round) => round.purpose === "FINAL" && round.status === "DONE").at(-1);
                    const practice = response.rounds.filter((round) => round.purpose === "PRACTICE").length;
                    return (
                      <tr key={response.id} className="border-b border-slate-200" data-testid="student-response">
                        <th scope="row" className="py-1 pr-3 text-left align-top font-normal">{response.question.position + 1}</th>
                        <td className={`${td} max-w-xl whitespace-pre-wrap break-words`}>
                          <span className="block text-xs text-slate-700">{truncate(readablePrompt(question, locale))}</span>
                          {answerText(question, response.answer, locale) || <span className="text-slate-500">{t("unanswered")}</span>}
                          {practice > 0 ? <p className="mt-1 text-xs text-slate-700">{t("rounds", { count: practice })}</p> : null}
                          {final?.feedback ? (
                            <details className="mt-1">
                              <summary className="cursor-pointer text-xs text-teal-800">{t("finalComment")}</summary>
                              <p className="whitespace-pre-wrap text-xs">{final.feedback}</p>
                            </details>
                          ) : null}
                        </td>
                        <td className={td}>
                          {response.grade ? (
                            <>
                              {points(response.grade.score)} / {points(response.grade.maxScore)}
                              <span className="block text-xs text-slate-700">{t(`source_${response.grade.source}`)}</span>
                              {response.grade.reviewedAt ? <span className="block text-xs text-slate-700">{t("reviewedBy", { name: who(response.grade.reviewedBy) })}</span> : null}
                            </>
                          ) : attempt.status === "SUBMITTED" ? (
                            <span className="text-slate-700">{response.rounds.some((round) => round.purpose === "FINAL" && round.status === "FAILED") && !final ? t("needsPerson") : t("pending")}</span>
                          ) : (
                            "—"
                          )}
                          {response.audits.length > 0 ? (
                            <div className="mt-1 text-xs">
                              <span className="font-semibold">{t("changes")}</span>
                              <ul>
                                {response.audits.map((audit) => (
                                  <li key={audit.id}>
                                    {t("changeLine", { when: when(audit.createdAt), who: who(audit.actor), action: audit.action, from: audit.previousScore ?? "—", to: audit.newScore, reason: audit.reason })}
                                  </li>
                                ))}
                              </ul>
                            </div>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </Card>
        );
      })}
    </div>
  );
}
