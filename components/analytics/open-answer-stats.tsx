import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ShareBar } from "@/components/analytics/share-bar";
import type { TOpenStats } from "@/lib/analytics/item-analysis";
import { localize } from "@/lib/content/localize";

const th = "py-1 pr-4 text-left font-semibold";
const td = "py-1 pr-4 align-top";

function Examples({ examples, label }: { examples: TOpenStats["criteria"][number]["examples"]; label: string }) {
  if (examples.length === 0) return null;
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-sm text-teal-800">{label} ({examples.length})</summary>
      <ul className="mt-1 list-disc pl-5 text-sm" data-testid="examples">
        {examples.map((example) => (
          <li key={example.responseId} className="whitespace-pre-wrap break-words">{example.answer.length > 400 ? `${example.answer.slice(0, 400)}…` : example.answer}</li>
        ))}
      </ul>
    </details>
  );
}

/** How often each rubric criterion was met and each mistaken idea matched on one open question, with example answers. */
export async function OpenAnswerStats({ classId, stats }: { classId: string; stats: TOpenStats }) {
  const [t, locale, format] = await Promise.all([getTranslations("analytics"), getLocale(), getFormatter()]);
  const percent = (count: number) => format.number(stats.graded ? count / stats.graded : 0, { style: "percent", maximumFractionDigits: 0 });
  return (
    <div className="flex flex-col gap-4" data-testid="open-stats">
      <p className="text-sm">{t("openGraded", { count: stats.graded })}</p>
      <table className="w-full border-collapse text-sm">
        <caption className="text-left font-semibold">{t("openTitle")}</caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className={th}>{t("criterion")}</th>
            <th scope="col" className={th}>{t("met")}</th>
            <th scope="col" className={th}>{t("partly")}</th>
            <th scope="col" className={th}>{t("missed")}</th>
          </tr>
        </thead>
        <tbody>
          {stats.criteria.map((c) => (
            <tr key={c.id} className="border-b border-slate-200">
              <th scope="row" className="py-1 pr-4 text-left align-top font-normal">
                {localize(c.description, locale)}
                <Examples examples={c.examples} label={t("examples")} />
              </th>
              <td className={td}>{percent(c.met)}</td>
              <td className={td}>{percent(c.partly)}</td>
              <td className={td}><ShareBar share={stats.graded ? c.missed / stats.graded : 0} /> {percent(c.missed)} ({c.missed})</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <h3 className="font-semibold">{t("mistakenIdeas")}</h3>
        {stats.misconceptions.every((m) => m.count === 0) ? (
          <p className="text-sm">{t("mistakenNone")}</p>
        ) : (
          <table className="w-full border-collapse text-sm">
            <thead><tr className="border-b border-slate-400"><th scope="col" className={th}>{t("mistakenIdea")}</th><th scope="col" className={th}>{t("count")}</th><th scope="col" className={th}>{t("share")}</th></tr></thead>
            <tbody>
              {stats.misconceptions.filter((m) => m.count > 0).map((m) => (
                <tr key={m.id} className="border-b border-slate-200">
                  <th scope="row" className="py-1 pr-4 text-left align-top font-normal">
                    {localize(m.description, locale)}
                    <Examples examples={m.examples} label={t("examples")} />
                  </th>
                  <td className={td}>{m.count}</td>
                  <td className={td}>{percent(m.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <p><Link href={`/classes/${classId}/grading?filter=all`} className="text-teal-800 underline underline-offset-2">{t("toGrading")}</Link></p>
    </div>
  );
}
