import { getLocale, getTranslations } from "next-intl/server";
import { loadModelProbabilities } from "@/lib/content/loaders";
import { localize } from "@/lib/content/localize";
import type { TLocale } from "@/lib/core/locales";
import type { TGradeResult } from "@/lib/quiz/grade-question";
import type { TAnswer, TQuestion } from "@/lib/quiz/schema";
import { nextTokenTables } from "./next-token-tables";
import { ProbabilityTables } from "./probability-tables";

const th = "py-2 pr-3 text-left font-semibold";

/** What the student answered next to what was expected, for each question type. */
export async function AnswerReview({ question, answer, grade }: { question: TQuestion; answer: TAnswer | { type: "unanswered" }; grade: TGradeResult }) {
  const [t, locale] = await Promise.all([getTranslations("result"), getLocale()]);
  const none = t("notAnswered");
  const pair = (yours: string, correct: string | null) => (
    <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
      <dt className="font-medium">{t("yourAnswer")}</dt>
      <dd className="whitespace-pre-line">{yours}</dd>
      {correct !== null ? (
        <>
          <dt className="font-medium">{t("correctAnswer")}</dt>
          <dd>{correct}</dd>
        </>
      ) : null}
    </dl>
  );

  switch (question.type) {
    case "single_choice": {
      const chosen = answer.type === "single_choice" ? question.options.find((o) => o.id === answer.optionId) : undefined;
      return pair(chosen ? localize(chosen.text, locale) : none, localize(question.options.find((o) => o.correct)!.text, locale));
    }
    case "numeric": {
      const text = answer.type === "numeric" && answer.text.trim() ? answer.text : none;
      return pair(grade.reading && grade.reading !== text ? `${text}（${grade.reading}）` : text, String(grade.expected ?? question.answer));
    }
    case "short_text":
      return pair(answer.type === "short_text" && answer.text.trim() ? answer.text : none, question.accepted[0]!);
    case "open":
      return pair(answer.type === "open" && answer.text.trim() ? answer.text : none, null);
    case "next_token": {
      const chosen = answer.type === "next_token" ? question.candidates.find((c) => c.id === answer.candidateId) : undefined;
      const yours = chosen ? localize(chosen.token, locale) : answer.type === "next_token" && answer.typed ? answer.typed : none;
      const context = localize(question.context, locale);
      const model = await loadModelProbabilities(question.uuid, locale, context);
      const tables = nextTokenTables({ question, locale: locale as TLocale, chosenId: chosen?.id ?? null, model, t });
      return (
        <div className="mt-3 flex flex-col gap-4">
          <p className="rounded-md bg-slate-100 p-3">
            {context}
            <mark className="bg-amber-100 px-0.5">{yours}</mark>
          </p>
          <ProbabilityTables tables={tables} tokenHeader={t("tokenColumn")} shareHeader={t("probabilityColumn")} />
        </div>
      );
    }
    case "ordering": {
      const yours = answer.type === "ordering" ? answer.order.map((id) => question.items.find((item) => item.id === id)).filter((item) => item !== undefined) : [];
      return (
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <div>
            <h3 className="font-medium">{t("yourAnswer")}</h3>
            {yours.length ? (
              <ol className="ml-6 list-decimal">{yours.map((item) => <li key={item.id}>{localize(item.text, locale)}</li>)}</ol>
            ) : (
              <p>{none}</p>
            )}
          </div>
          <div>
            <h3 className="font-medium">{t("correctAnswer")}</h3>
            <ol className="ml-6 list-decimal">{question.items.map((item) => <li key={item.id}>{localize(item.text, locale)}</li>)}</ol>
          </div>
        </div>
      );
    }
    case "multiple_select": {
      const picked = new Set(answer.type === "multiple_select" ? answer.optionIds : []);
      return (
        <table className="mt-3 w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className={th}>{t("option")}</th>
              <th scope="col" className={th}>{t("youPicked")}</th>
              <th scope="col" className={th}>{t("shouldPick")}</th>
              <th scope="col" className={th}>{t("explanation")}</th>
            </tr>
          </thead>
          <tbody>
            {question.options.map((option) => (
              <tr key={option.id} className="border-b border-slate-200 align-top" data-correct={picked.has(option.id) === option.correct}>
                <th scope="row" className="py-2 pr-3 text-left font-normal">{localize(option.text, locale)}</th>
                <td className="py-2 pr-3">{picked.has(option.id) ? t("yes") : t("no")} {picked.has(option.id) === option.correct ? "✓" : "✗"}</td>
                <td className="py-2 pr-3">{option.correct ? t("yes") : t("no")}</td>
                <td className="py-2">{localize(option.feedback, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case "categorize":
      return (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className={th}>{t("item")}</th>
                <th scope="col" className={th}>{t("placedIn")}</th>
                <th scope="col" className={th}>{t("shouldBe")}</th>
                <th scope="col" className={th}>{t("explanation")}</th>
              </tr>
            </thead>
            <tbody>
              {grade.items?.map((item) => (
                <tr key={item.id} className="border-b border-slate-200 align-top" data-correct={item.correct}>
                  <th scope="row" className="py-2 pr-3 font-normal">{localize(item.text, locale)}</th>
                  <td className="py-2 pr-3">{item.chosen ? localize(item.chosen, locale) : none} {item.correct ? "✓" : "✗"}</td>
                  <td className="py-2 pr-3">{localize(item.expected, locale)}</td>
                  <td className="py-2">{localize(item.feedback, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}
