import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { MasteryChart } from "@/components/practice/mastery-chart";
import { Card } from "@/components/ui/card";
import { localize } from "@/lib/content/localize";
import { loadProgress } from "@/lib/practice/loaders";

export default async function ProgressPage() {
  const [{ mastery, attempts }, t, locale, format] = await Promise.all([loadProgress(), getTranslations("progress"), getLocale(), getFormatter()]);
  const percent = (value: number | null) => (value === null ? null : Math.round(value * 100));
  const th = "py-2 pr-4 text-left font-semibold";
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-slate-800">{t("intro")}</p>
      </header>
      <Card aria-labelledby="mastery">
        <h2 id="mastery" className="mb-3 text-xl font-semibold">{t("mastery")}</h2>
        <MasteryChart rows={mastery.map((row) => ({ label: localize(row.name, locale), percent: percent(row.mastery) ?? 0 }))} />
        <table className="mt-4 w-full border-collapse text-sm" data-testid="mastery-table">
          <caption className="sr-only">{t("mastery")}</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className={th}>{t("concept")}</th>
              <th scope="col" className={th}>{t("masteryColumn")}</th>
              <th scope="col" className={th}>{t("questions")}</th>
            </tr>
          </thead>
          <tbody>
            {mastery.map((row) => (
              <tr key={row.id} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-4 text-left font-normal">
                  <Link href={`/lectures/${row.lectureSlug}`} className="underline underline-offset-2">{localize(row.name, locale)}</Link>
                </th>
                <td className="py-2 pr-4">{row.mastery === null ? t("notYet") : `${percent(row.mastery)}%`}</td>
                <td className="py-2 pr-4">{row.questions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card aria-labelledby="behind">
        <h2 id="behind" className="mb-3 text-xl font-semibold">{t("attempts")}</h2>
        {attempts.length === 0 ? (
          <p>{t("noAttempts")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {attempts.map((attempt) => (
              <li key={attempt.id} className="flex flex-wrap gap-3">
                <Link href={`/attempts/${attempt.id}`} className="text-teal-800 underline underline-offset-2">{localize(attempt.title, locale)}</Link>
                {attempt.className ? <span className="text-slate-700">{attempt.className}</span> : null}
                {attempt.submittedAt ? <span className="text-slate-700">{format.dateTime(attempt.submittedAt, { dateStyle: "medium", timeStyle: "short" })}</span> : null}
                <span>{attempt.score ? `${format.number(attempt.score.score, "points")} / ${format.number(attempt.score.max, "points")}` : t("scoreLater")}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
