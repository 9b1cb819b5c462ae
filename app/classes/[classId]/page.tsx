import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AssignQuizForm } from "@/components/assignment/assign-quiz-form";
import { Card } from "@/components/ui/card";
import { loadClassAttempts } from "@/lib/analytics/loaders";
import { localize } from "@/lib/content/localize";
import type { TLocalizedText } from "@/lib/quiz/schema";

export default async function ClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const [{ klass, rows, attempts, canAssign, quizzes }, t, locale, format] = await Promise.all([
    loadClassAttempts(classId),
    getTranslations("classView"),
    getLocale(),
    getFormatter(),
  ]);
  const points = (value: number | null) => format.number(value ?? 0, "points");
  const scoreText = (attempt: { score: number | null; maxScore: number | null }) => `${points(attempt.score)} / ${points(attempt.maxScore)}`;
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) : "");
  const th = "py-2 pr-4 text-left font-semibold";
  const [ta, tx] = await Promise.all([getTranslations("assign"), getTranslations("analytics")]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title", { name: klass.name })}</h1>
      <ul className="flex flex-wrap gap-x-6 gap-y-1">
        <li>
          <Link href={`/classes/${klass.id}/overview`} className="text-teal-800 underline underline-offset-2">
            {tx("toOverview")}
          </Link>
        </li>
        <li>
          <Link href={`/classes/${klass.id}/grading`} className="text-teal-800 underline underline-offset-2">
            {t("toGrading")}
          </Link>
        </li>
      </ul>
      <Card aria-labelledby="by-student">
        <h2 id="by-student" className="mb-1 text-xl font-semibold">
          {t("summary")}
        </h2>
        <p className="mb-3 text-sm text-slate-700">{t("summaryHelp")}</p>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="student-summary">
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className={th}>{t("student")}</th>
                <th scope="col" className={th}>{t("email")}</th>
                {klass.assignments.map((assignment) => (
                  <th key={assignment.id} scope="col" className={th}>
                    {localize(assignment.quizVersion.title as TLocalizedText, locale)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ student, cells }) => (
                <tr key={student.id} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-4 text-left font-normal">
                    <Link href={`/classes/${klass.id}/students/${student.id}`} className="text-teal-800 underline underline-offset-2">{student.name}</Link>
                  </th>
                  <td className="py-2 pr-4">{student.email}</td>
                  {klass.assignments.map((assignment) => {
                    const cell = cells[assignment.id];
                    return (
                      <td key={assignment.id} className="py-2 pr-4" data-assignment={assignment.id}>
                        {cell ? (
                          <>
                            {scoreText(cell.counted)} <span className="text-slate-700">{t("attemptCount", { count: cell.count })}</span>
                          </>
                        ) : (
                          <span className="text-slate-700">—</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      {canAssign ? (
        <Card aria-labelledby="assign">
          <h2 id="assign" className="mb-3 text-xl font-semibold">
            {ta("title")}
          </h2>
          <AssignQuizForm classId={klass.id} quizzes={quizzes.map((quiz) => ({ id: quiz.id, title: quiz.title as TLocalizedText, questionCount: quiz.questionCount }))} />
        </Card>
      ) : null}
      <Card aria-labelledby="all-attempts">
        <h2 id="all-attempts" className="mb-3 text-xl font-semibold">
          {t("allAttempts")}
        </h2>
        {attempts.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-sm" data-testid="attempts">
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col" className={th}>{t("student")}</th>
                  <th scope="col" className={th}>{t("quiz")}</th>
                  <th scope="col" className={th}>{t("submittedAt")}</th>
                  <th scope="col" className={th}>{t("score")}</th>
                  <th scope="col" className={th}><span className="sr-only">{t("open")}</span></th>
                </tr>
              </thead>
              <tbody>
                {attempts.map((attempt) => (
                  <tr key={attempt.id} className="border-b border-slate-200">
                    <th scope="row" className="py-2 pr-4 text-left font-normal">{attempt.student.name}</th>
                    <td className="py-2 pr-4">{localize(attempt.quizVersion.title as TLocalizedText, locale)} (v{attempt.quizVersion.version})</td>
                    <td className="py-2 pr-4">{when(attempt.submittedAt)}</td>
                    <td className="py-2 pr-4">{scoreText(attempt)}</td>
                    <td className="py-2">
                      <Link href={`/attempts/${attempt.id}`} className="text-teal-800 underline underline-offset-2">
                        {t("open")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
