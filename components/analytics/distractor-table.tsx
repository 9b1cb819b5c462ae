import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ShareBar } from "@/components/analytics/share-bar";
import type { TDistractors, TShareRow } from "@/lib/analytics/distractors";
import { localize } from "@/lib/content/localize";

const th = "py-1 pr-4 text-left font-semibold";
const td = "py-1 pr-4";

/** What students chose on one objective question: options, placements, kinds of number or the answers typed. */
export async function DistractorTable({ distractors }: { distractors: TDistractors }) {
  const [t, locale, format] = await Promise.all([getTranslations("analytics"), getLocale(), getFormatter()]);
  const percent = (value: number) => format.number(value, { style: "percent", maximumFractionDigits: 0 });
  const text = (label: TShareRow["label"]) => (typeof label === "string" ? label : localize(label, locale));
  const keyMark = (isKey: boolean) => (isKey ? <span className="ml-2 rounded bg-teal-100 px-1 text-xs text-teal-900">{t("keyMark")}</span> : null);
  const shareRows = <R extends TShareRow>(rows: R[], name: (row: R) => string) =>
    rows.map((row) => (
      <tr key={row.key} className="border-b border-slate-200">
        <th scope="row" className="py-1 pr-4 text-left font-normal">{name(row)}{keyMark(row.correct)}</th>
        <td className={td}>{row.count}</td>
        <td className={td}><ShareBar share={row.share} highlight={row.correct} /> {percent(row.share)}</td>
      </tr>
    ));
  const head = (first: string) => (
    <thead><tr className="border-b border-slate-400"><th scope="col" className={th}>{first}</th><th scope="col" className={th}>{t("count")}</th><th scope="col" className={th}>{t("share")}</th></tr></thead>
  );
  const tail = (label: string, count: number, total: number) =>
    count > 0 ? (
      <tr className="border-b border-slate-200"><th scope="row" className="py-1 pr-4 text-left font-normal italic">{label}</th><td className={td}>{count}</td><td className={td}><ShareBar share={count / total} /> {percent(count / total)}</td></tr>
    ) : null;

  switch (distractors.kind) {
    case "options":
      return (
        <table className="w-full border-collapse text-sm" data-testid="distractors">
          <caption className="text-left font-semibold">{t("choices")}</caption>
          {head(t("option"))}
          <tbody>
            {shareRows(distractors.rows, (row) => (row.key.startsWith("typed:") ? t("typedOther", { text: text(row.label) }) : text(row.label)))}
            {tail(t("unanswered"), distractors.unanswered, distractors.total)}
          </tbody>
        </table>
      );
    case "placements":
      return (
        <table className="w-full border-collapse text-sm" data-testid="distractors">
          <caption className="text-left font-semibold">{t("choices")}</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className={th}>{t("item")}</th>
              {distractors.categories.map((c) => <th key={c.id} scope="col" className={th}>{localize(c.label, locale)}</th>)}
              <th scope="col" className={th}>{t("unplaced")}</th>
            </tr>
          </thead>
          <tbody>
            {distractors.items.map((item) => (
              <tr key={item.id} className="border-b border-slate-200">
                <th scope="row" className="py-1 pr-4 text-left font-normal">{localize(item.text, locale)}</th>
                {distractors.categories.map((c) => (
                  <td key={c.id} className={td}>{percent(item.shares[c.id] ?? 0)}{keyMark(c.id === item.correctCategory)}</td>
                ))}
                <td className={td}>{percent(item.unplaced)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "numeric":
      return (
        <table className="w-full border-collapse text-sm" data-testid="distractors">
          <caption className="text-left font-semibold">{t("choices")}</caption>
          {head(t("numericKinds"))}
          <tbody>
            {shareRows(distractors.rows, (row) => t(`numeric_${row.numericKind}`, { key: text(row.label), mistake: text(row.label) }))}
          </tbody>
        </table>
      );
    case "answers":
      return (
        <table className="w-full border-collapse text-sm" data-testid="distractors">
          <caption className="text-left font-semibold">
            {t("givenAnswers")}
            {distractors.ordering ? <span className="block text-xs font-normal text-slate-700">{t("orderHint")}</span> : null}
          </caption>
          {head(t("givenAnswers"))}
          <tbody>
            {shareRows(distractors.rows, (row) => text(row.label))}
            {tail(t("othersCount", { count: distractors.others }), distractors.others, distractors.total)}
            {tail(t("unanswered"), distractors.unanswered, distractors.total)}
          </tbody>
        </table>
      );
    case "open":
      return null;
  }
}
