import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CountBarChart } from "@/components/analytics/bar-chart";
import { LiveRefresh } from "@/components/analytics/live-refresh";
import { MasteryHeatmap } from "@/components/analytics/mastery-heatmap";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { BANDS } from "@/lib/analytics/overview";
import { loadClassOverview } from "@/lib/analytics/loaders";
import { localize } from "@/lib/content/localize";

type TProps = { params: Promise<{ classId: string }>; searchParams: Promise<{ page?: string | string[] }> };

const HEATMAP_PAGE = 50;
const LIVE_SECONDS = 20;
const th = "py-1 pr-4 text-left font-semibold";
const link = "text-teal-800 underline underline-offset-2";

// Student names are rendered as text only: React escapes them.
export default async function ClassOverviewPage({ params, searchParams }: TProps) {
  const { classId } = await params;
  const [overview, t, locale, format] = await Promise.all([loadClassOverview(classId), getTranslations("analytics"), getLocale(), getFormatter()]);
  const rawPage = (await searchParams).page;
  const pages = Math.max(1, Math.ceil(overview.heatmap.length / HEATMAP_PAGE));
  const page = Math.min(pages, Math.max(1, Number.parseInt(Array.isArray(rawPage) ? rawPage[0]! : (rawPage ?? "1"), 10) || 1));
  const percent = (value: number) => format.number(value, { style: "percent", maximumFractionDigits: 0 });
  const minutes = (seconds: number | null) => (seconds === null ? "—" : t("minutes", { value: format.number(seconds / 60, { maximumFractionDigits: 1 }) }));
  const inProgress = overview.assignments.reduce((sum, a) => sum + (a.open ? a.inProgress : 0), 0);
  const bandLabel = (i: number) => t("bandLabel", { from: i * (100 / BANDS), to: (i + 1) * (100 / BANDS) });

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{t("overviewTitle", { name: overview.klass.name })}</h1>
        <p>{t("overviewIntro")}</p>
        <Link href={`/classes/${overview.klass.id}`} className={link}>{t("backToClass")}</Link>
      </header>
      {overview.live ? (
        <p role="status" className="rounded border border-amber-700 bg-amber-50 p-3" data-testid="live-notice">
          {t("liveNotice", { count: inProgress, seconds: LIVE_SECONDS })} {t("refreshedAt", { time: format.dateTime(overview.computedAt, { timeStyle: "medium" }) })}
          <LiveRefresh seconds={LIVE_SECONDS} />
        </p>
      ) : null}
      <Card aria-labelledby="exports">
        <h2 id="exports" className="text-xl font-semibold">{t("exports")}</h2>
        <ul className="mt-2 flex flex-wrap gap-4">
          <li><a href={`/classes/${overview.klass.id}/export/gradebook`} className={link} download>{t("exportGradebook")}</a></li>
          <li><a href={`/classes/${overview.klass.id}/export/responses`} className={link} download>{t("exportResponses")}</a></li>
        </ul>
        <p className="mt-2 text-sm text-slate-700">{t("exportsHelp")}</p>
      </Card>

      <Card aria-labelledby="participation">
        <h2 id="participation" className="mb-3 text-xl font-semibold">{t("participationTitle")}</h2>
        {overview.participation.length === 0 ? (
          <p>{t("participationNone")}</p>
        ) : (
          <div className="grid gap-4 md:grid-cols-2">
            <CountBarChart rows={overview.participation.map((p) => ({ label: p.day.slice(5), value: p.attempts }))} label={t("attemptsSubmitted")} />
            <div className="max-h-64 overflow-y-auto" tabIndex={0} role="region" aria-label={t("participationTitle")}>
              <table className="w-full border-collapse text-sm" data-testid="participation">
                <thead><tr className="border-b border-slate-400"><th scope="col" className={th}>{t("day")}</th><th scope="col" className={th}>{t("attemptsSubmitted")}</th><th scope="col" className={th}>{t("studentsActive")}</th></tr></thead>
                <tbody>
                  {overview.participation.map((p) => (
                    <tr key={p.day} className="border-b border-slate-200"><th scope="row" className="py-1 pr-4 text-left font-normal">{p.day}</th><td className="py-1 pr-4">{p.attempts}</td><td className="py-1 pr-4">{p.students}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
      </Card>

      <section aria-labelledby="assignments" className="flex flex-col gap-4">
        <h2 id="assignments" className="text-2xl font-semibold">{t("assignmentsTitle")}</h2>
        {overview.assignments.length === 0 ? <p>{t("noAssignments")}</p> : null}
        {overview.assignments.map((a) => {
          const title = localize(a.title, locale);
          return (
            <Card key={a.id} aria-labelledby={`assignment-${a.id}`} data-testid="assignment-overview">
              <div className="flex flex-wrap items-center gap-2">
                <h3 id={`assignment-${a.id}`} className="text-xl font-semibold">{title} (v{a.version})</h3>
                <Badge>{a.mode === "EXAM" ? t("modeExam") : t("modePractice")}</Badge>
                {a.open ? <Badge tone="success">{t("openNow")}</Badge> : null}
                {a.open ? <span className="text-sm text-slate-700">{t("inProgress", { count: a.inProgress })}</span> : null}
              </div>
              <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 text-sm md:grid-cols-4">
                <div><dt className="text-slate-700">{t("students")}</dt><dd>{t("studentsCounted", { count: a.students })}</dd></div>
                <div><dt className="text-slate-700">{t("meanScore")}</dt><dd>{a.meanRatio === null ? "—" : percent(a.meanRatio)}</dd></div>
                <div><dt className="text-slate-700">{t("meanTime")}</dt><dd>{minutes(a.meanSeconds)}</dd></div>
                <div><dt className="text-slate-700">{t("medianTime")}</dt><dd>{minutes(a.medianSeconds)}</dd></div>
              </dl>
              {a.pending > 0 ? <p className="mt-2 text-sm text-amber-950" data-testid="pending-grading">{t("pendingGrading", { count: a.pending })}</p> : null}
              <p className="mt-2"><Link href={`/classes/${overview.klass.id}/analysis/${a.id}`} className={link}>{t("toItemAnalysis")}: {title}</Link></p>
              <div className="mt-4 grid gap-4 md:grid-cols-2">
                <div>
                  <h4 className="font-semibold">{t("histogramTitle")}</h4>
                  <CountBarChart rows={a.histogram.map((count, i) => ({ label: `${i * 10}`, value: count }))} label={t("students")} />
                  <table className="w-full border-collapse text-sm" data-testid="histogram">
                    <caption className="sr-only">{t("histogramTitle")}: {title}</caption>
                    <thead><tr className="border-b border-slate-400"><th scope="col" className={th}>{t("band")}</th><th scope="col" className={th}>{t("students")}</th></tr></thead>
                    <tbody>
                      {a.histogram.map((count, i) => (
                        <tr key={i} className="border-b border-slate-200"><th scope="row" className="py-0.5 pr-4 text-left font-normal">{bandLabel(i)}</th><td className="py-0.5 pr-4">{count}</td></tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <div>
                  <h4 className="font-semibold">{t("completionTitle")}</h4>
                  <table className="w-full border-collapse text-sm" data-testid="completion">
                    <thead><tr className="border-b border-slate-400"><th scope="col" className={th}>{t("section")}</th><th scope="col" className={th}>{t("completed")}</th><th scope="col" className={th}>{t("enrolled")}</th><th scope="col" className={th}>{t("completionRate")}</th></tr></thead>
                    <tbody>
                      {a.completion.map((c) => (
                        <tr key={c.section} className="border-b border-slate-200">
                          <th scope="row" className="py-0.5 pr-4 text-left font-normal">{c.section || t("noSection")}</th>
                          <td className="py-0.5 pr-4">{c.completed}</td>
                          <td className="py-0.5 pr-4">{c.students}</td>
                          <td className="py-0.5 pr-4">{c.students ? percent(c.completed / c.students) : "—"}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            </Card>
          );
        })}
      </section>

      <Card aria-labelledby="mastery">
        <h2 id="mastery" className="text-xl font-semibold">{t("masteryTitle")}</h2>
        <p className="mb-3 text-sm text-slate-700">{t("masteryHelp")}</p>
        {overview.concepts.length === 0 ? (
          <p>{t("masteryNone")}</p>
        ) : (
          <>
            <MasteryHeatmap
              classId={overview.klass.id}
              concepts={overview.concepts.map((c) => ({ id: c.id, name: localize(c.name, locale) }))}
              rows={overview.heatmap.slice((page - 1) * HEATMAP_PAGE, page * HEATMAP_PAGE)}
              means={overview.conceptMeans}
              labels={{ student: t("student"), classMean: t("classMean"), caption: t("masteryTitle") }}
              percent={percent}
            />
            {pages > 1 ? (
              <nav aria-label={t("masteryTitle")} className="mt-3 flex items-center gap-4 text-sm">
                {page > 1 ? <Link href={`?page=${page - 1}`} className={link}>{t("previous")}</Link> : null}
                <span>{t("pageOf", { page, pages })}</span>
                {page < pages ? <Link href={`?page=${page + 1}`} className={link}>{t("next")}</Link> : null}
              </nav>
            ) : null}
          </>
        )}
      </Card>
    </div>
  );
}
