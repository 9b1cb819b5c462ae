import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DistractorTable } from "@/components/analytics/distractor-table";
import { OpenAnswerStats } from "@/components/analytics/open-answer-stats";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { loadItemAnalysis } from "@/lib/analytics/loaders";
import { localize } from "@/lib/content/localize";
import { readablePrompt } from "@/lib/quiz/readable-prompt";
import type { TLocalizedText } from "@/lib/quiz/schema";

type TProps = { params: Promise<{ classId: string; assignmentId: string }> };

const th = "py-1 pr-3 text-left font-semibold";
const td = "py-1 pr-3";
const link = "text-teal-800 underline underline-offset-2";

export default async function ItemAnalysisPage({ params }: TProps) {
  const { classId, assignmentId } = await params;
  const [analysis, t, locale, format] = await Promise.all([loadItemAnalysis(classId, assignmentId), getTranslations("analytics"), getLocale(), getFormatter()]);
  if (!analysis) notFound();
  const { klass, assignment, summary, questions } = analysis;
  const number = (value: number | null, digits = 2) => (value === null ? "—" : format.number(value, { maximumFractionDigits: digits, minimumFractionDigits: digits }));
  const percent = (value: number | null) => (value === null ? "—" : format.number(value, { style: "percent", maximumFractionDigits: 0 }));
  const quizTitle = localize(assignment.quizVersion.title as TLocalizedText, locale);
  const typeName = (type: string) => t(`type_${type}` as "type_open");

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{t("itemTitle", { quiz: quizTitle, version: assignment.quizVersion.version })}</h1>
        <p>{t("itemIntro", { name: klass.name })}</p>
        <Link href={`/classes/${klass.id}/overview`} className={link}>{t("backToOverview")}</Link>
      </header>
      <Card aria-labelledby="quiz-summary">
        <h2 id="quiz-summary" className="text-xl font-semibold">{t("summaryTitle")}</h2>
        <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-2 text-sm md:grid-cols-4" data-testid="quiz-summary">
          <div><dt className="text-slate-700">{t("studentsAnalysed")}</dt><dd>{summary.students}</dd></div>
          <div><dt className="text-slate-700">{t("meanTotal")}</dt><dd>{number(summary.meanTotal)}</dd></div>
          <div><dt className="text-slate-700">{t("sdTotal")}</dt><dd>{number(summary.sdTotal)}</dd></div>
          <div><dt className="text-slate-700">{t("medianTime")}</dt><dd>{summary.medianSeconds === null ? "—" : t("minutes", { value: format.number(summary.medianSeconds / 60, { maximumFractionDigits: 1 }) })}</dd></div>
          <div className="col-span-2 md:col-span-4">
            <dt className="text-slate-700">{t("reliability")}</dt>
            <dd data-testid="reliability">
              {summary.reliability
                ? t("reliabilityValue", { formula: summary.reliability.formula === "KR-20" ? "KR-20" : "Cronbach's α", value: number(summary.reliability.value), students: summary.reliability.students })
                : t("reliabilityNone")}
            </dd>
            <dd className="text-slate-700">{t("reliabilityHelp")}</dd>
          </div>
        </dl>
      </Card>
      {summary.students === 0 ? <p data-testid="no-data">{t("noData")}</p> : null}
      <Card aria-labelledby="items">
        <h2 id="items" className="mb-3 text-xl font-semibold">{t("itemsTitle")}</h2>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("itemsTitle")}>
          <table className="w-full border-collapse text-sm" data-testid="item-table">
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className={th}>{t("position")}</th>
                <th scope="col" className={th}>{t("type")}</th>
                <th scope="col" className={th}>{t("graded")}</th>
                <th scope="col" className={th}>{t("facility")}</th>
                <th scope="col" className={th}>{t("discrimination")}</th>
                <th scope="col" className={th}>{t("pointBiserial")}</th>
                <th scope="col" className={th}>{t("flags")}</th>
              </tr>
            </thead>
            <tbody>
              {questions.map((q) => (
                <tr key={q.id} className="border-b border-slate-200" data-question={q.position + 1}>
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    <a href={`#question-${q.position + 1}`} className={link}>{q.position + 1}</a>
                  </th>
                  <td className={td}>{typeName(q.question.type)}</td>
                  <td className={td}>{q.stats.n}</td>
                  <td className={td} data-stat="facility">{number(q.stats.facility)}</td>
                  <td className={td} data-stat="discrimination">{number(q.stats.discrimination)}</td>
                  <td className={td} data-stat="point-biserial">{number(q.stats.pointBiserial)}</td>
                  <td className={td}>
                    <span className="flex flex-wrap gap-1">
                      {q.stats.flags.map((flag) => <Badge key={flag} tone={flag === "negative_discrimination" ? "danger" : "warning"}>{t(`flag_${flag}`)}</Badge>)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-3 text-sm text-slate-700">{t("formulas")}</p>
      </Card>
      {questions.map((q) => (
        <Card key={q.id} aria-labelledby={`question-${q.position + 1}`} data-testid="question-analysis">
          <h2 id={`question-${q.position + 1}`} className="text-lg font-semibold">{t("detailsTitle", { position: q.position + 1 })} · {typeName(q.question.type)}</h2>
          <p className="mb-3 mt-1 whitespace-pre-wrap">{readablePrompt(q.question, locale)}</p>
          <p className="mb-3 text-sm text-slate-700">
            {t("facility")} {percent(q.stats.facility)} · {t("discrimination")} {number(q.stats.discrimination)} · {t("pointBiserial")} {number(q.stats.pointBiserial)}
          </p>
          {q.open ? <OpenAnswerStats classId={klass.id} stats={q.open} /> : <DistractorTable distractors={q.distractors} />}
        </Card>
      ))}
    </div>
  );
}
