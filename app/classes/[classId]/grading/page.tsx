import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AcceptGroupForm } from "@/components/grading/accept-group-form";
import { GradeReviewForm } from "@/components/grading/grade-review-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { localize } from "@/lib/content/localize";
import { REVIEW_FILTERS } from "@/lib/grading/data";
import { loadGradingReview } from "@/lib/grading/loaders";

type TProps = { params: Promise<{ classId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const MARK: Record<string, string> = { met: "✔", partly: "△", missed: "✘" };

// Student text (answers, names) is rendered as text only: React escapes it.
export default async function GradingReviewPage({ params, searchParams }: TProps) {
  const { classId } = await params;
  const [review, t, locale, format] = await Promise.all([loadGradingReview(classId, await searchParams), getTranslations("gradingReview"), getLocale(), getFormatter()]);
  const { agreement } = review;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{t("title", { name: review.className })}</h1>
        <p>{t("intro")}</p>
        <Link href={`/classes/${review.classId}`} className="text-teal-800 underline underline-offset-2">
          {t("backToClass")}
        </Link>
      </header>
      <Card aria-labelledby="agreement">
        <h2 id="agreement" className="text-xl font-semibold">
          {t("agreementTitle")}
        </h2>
        <p className="mt-2" data-testid="agreement">
          {agreement.pairs === 0
            ? t("agreementNone")
            : t("agreementSummary", {
                pairs: agreement.pairs,
                exact: format.number(agreement.exact, { style: "percent", maximumFractionDigits: 0 }),
                kappa: agreement.kappa === null ? "—" : format.number(agreement.kappa, { maximumFractionDigits: 2 }),
              })}
        </p>
        <p className="mt-1 text-sm text-slate-700">{t("agreementHelp")}</p>
      </Card>
      <nav aria-label={t("filters")}>
        <ul className="flex flex-wrap gap-2">
          {REVIEW_FILTERS.map((filter) => (
            <li key={filter}>
              <Link
                href={`/classes/${review.classId}/grading?filter=${filter}${review.view === "similar" ? "&view=similar" : ""}`}
                aria-current={filter === review.filter ? "page" : undefined}
                className={`inline-block rounded-full border px-3 py-1 text-sm ${filter === review.filter ? "border-teal-900 bg-teal-900 text-white" : "border-slate-500 text-slate-900"}`}
              >
                {t(`filter_${filter}`, { count: review.counts[filter] })}
              </Link>
            </li>
          ))}
          <li>
            {/* A switch between the two views of the same filter; the filter links keep the view */}
            <Link
              href={`/classes/${review.classId}/grading?filter=${review.filter}${review.view === "similar" ? "" : "&view=similar"}`}
              className="inline-block rounded-full border border-amber-800 px-3 py-1 text-sm text-amber-950"
            >
              {review.view === "similar" ? t("listView") : t("similarView", { count: review.similarGroups })}
            </Link>
          </li>
        </ul>
      </nav>
      {review.entries.length === 0 ? <p data-testid="review-empty">{review.view === "similar" ? t("similarEmpty") : t("empty")}</p> : null}
      {review.view === "similar" ? <p className="text-sm text-slate-700">{t("similarHelp")}</p> : null}
      {review.groups.map((ids) => {
        const members = ids.map((id) => review.entries.find((entry) => entry.responseId === id)!);
        const first = members[0]!;
        return (
          <Card key={ids[0]} aria-labelledby={`group-${ids[0]}`} data-testid="review-group">
            <h2 id={`group-${ids[0]}`} className="text-lg font-semibold">{t("groupTitle", { count: ids.length })}</h2>
            <p className="mt-1 font-medium">{localize(first.prompt, locale)}</p>
            <p className="mt-2 text-sm">{t("groupGrade", { score: first.machineScore ?? 0, max: first.maxScore })}</p>
            <ul className="mt-1 flex flex-col gap-1 text-sm">
              {first.criteria.map((c) => (
                <li key={c.criterionId}>{c.contradicted ? "⚠" : MARK[c.verdict]} {c.label ?? c.criterionId}</li>
              ))}
            </ul>
            <ol className="mt-3 flex flex-col gap-2" data-testid="group-answers">
              {members.map((entry) => (
                <li key={entry.responseId} className="rounded-md bg-slate-100 p-2">
                  <span className="block text-xs font-semibold text-slate-700">{entry.student}</span>
                  <span className="whitespace-pre-wrap">{entry.answer}</span>
                </li>
              ))}
            </ol>
            <AcceptGroupForm classId={review.classId} responseIds={ids} />
          </Card>
        );
      })}
      {review.view === "list" && review.entries.map((entry) => (
        <Card key={entry.responseId} aria-labelledby={`answer-${entry.responseId}`} data-testid="review-entry">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id={`answer-${entry.responseId}`} className="text-lg font-semibold">
              {entry.student}
            </h2>
            <span className="text-slate-700">{localize(entry.quizTitle, locale)}</span>
            {entry.failed ? <Badge tone="warning">{t("failedBadge")}</Badge> : null}
            {entry.flagged ? <Badge tone="danger">{t("flagged")}</Badge> : null}
            {entry.fallback ? <Badge tone="neutral">{t("fallback")}</Badge> : null}
            {entry.grade?.source === "HUMAN" ? <Badge tone="success">{t("overriddenBadge")}</Badge> : entry.grade?.reviewedAt ? <Badge tone="success">{t("acceptedBadge")}</Badge> : null}
          </div>
          <p className="mt-2 font-medium">{localize(entry.prompt, locale)}</p>
          <h3 className="mt-3 text-sm font-semibold text-slate-800">{t("answerHeading")}</h3>
          <p className="whitespace-pre-wrap rounded-md bg-slate-100 p-3" data-testid="review-answer">
            {entry.answer}
          </p>
          <p className="mt-3 text-sm" data-testid="machine-grade">
            {entry.failed ? t("machineFailed") : t("machine", {
              grader: entry.grader ?? "",
              score: entry.machineScore ?? 0,
              max: entry.maxScore,
              confidence: format.number(entry.confidence ?? 0, { style: "percent", maximumFractionDigits: 0 }),
            })}
            {entry.builtinScore !== null && entry.grader !== "builtin" ? ` ${t("builtinScore", { score: entry.builtinScore })}` : ""}
          </p>
          <ul className="mt-2 flex flex-col gap-1 text-sm">
            {entry.criteria.map((c) => (
              <li key={c.criterionId}>
                {c.contradicted ? "⚠" : MARK[c.verdict]} {c.label ?? c.criterionId}
                {c.evidence?.text ? <span className="text-slate-700">「{c.evidence.text}」</span> : null}
              </li>
            ))}
          </ul>
          {entry.grade ? (
            <p className="mt-2 text-sm font-medium" data-testid="current-grade">
              {t("current", { score: entry.grade.score, max: entry.maxScore })}
              {entry.grade.reviewedBy ? ` ${t("reviewedBy", { name: entry.grade.reviewedBy.name ?? entry.grade.reviewedBy.email })}` : ""}
            </p>
          ) : null}
          <GradeReviewForm
            classId={review.classId}
            responseId={entry.responseId}
            machineScore={entry.grade?.score ?? entry.machineScore ?? 0}
            maxScore={entry.maxScore}
            machineFeedback={entry.feedback}
            canAccept={Boolean(entry.grade)}
          />
          {entry.audits.length > 0 ? (
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer font-medium text-teal-900">{t("auditTitle", { count: entry.audits.length })}</summary>
              <ol className="mt-2 flex flex-col gap-1" data-testid="audit-log">
                {entry.audits.map((audit) => (
                  <li key={audit.id}>
                    {t("auditLine", {
                      time: format.dateTime(audit.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                      name: audit.actor?.name ?? audit.actor?.email ?? "—",
                      action: t(`action_${audit.action}`),
                      from: audit.previousScore ?? "—",
                      to: audit.newScore,
                      reason: audit.reason,
                    })}
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
          <Link href={`/attempts/${entry.attemptId}`} className="mt-3 inline-block text-teal-800 underline underline-offset-2">
            {t("openAttempt")}
          </Link>
        </Card>
      ))}
    </div>
  );
}
