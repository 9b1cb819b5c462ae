"use client";

import { useLocale, useTranslations } from "next-intl";
import { localize } from "@/lib/content/localize";
import type { TPublicQuestion } from "@/lib/quiz/public-question";

type TQuestion = Extract<TPublicQuestion, { type: "categorize" }>;

export function CategorizeInput({ question, placements, onChange }: { question: TQuestion; placements: Record<string, string>; onChange: (placements: Record<string, string>) => void }) {
  const t = useTranslations("quiz");
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-3">
      {question.items.map((item) => (
        <fieldset key={item.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-md border border-slate-300 p-3">
          <legend className="sr-only">{t("categorizeLegend", { item: localize(item.text, locale) })}</legend>
          <span aria-hidden="true" className="min-w-64 flex-1">
            {localize(item.text, locale)}
          </span>
          {question.categories.map((category) => (
            <label key={category.id} className="flex items-center gap-2">
              <input
                type="radio"
                name={`${question.id}.${item.id}`}
                value={category.id}
                className="size-4 accent-teal-800"
                checked={placements[item.id] === category.id}
                onChange={() => onChange({ ...placements, [item.id]: category.id })}
              />
              <span>{localize(category.label, locale)}</span>
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
