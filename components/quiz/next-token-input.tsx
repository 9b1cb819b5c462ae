"use client";

import { useLocale, useTranslations } from "next-intl";
import { TextField } from "@/components/ui/text-field";
import { localize } from "@/lib/content/localize";
import type { TPublicQuestion } from "@/lib/quiz/public-question";

type TQuestion = Extract<TPublicQuestion, { type: "next_token" }>;
type TValue = { candidateId: string | null; typed: string };

export function NextTokenInput({ question, value, onChange }: { question: TQuestion; value: TValue; onChange: (value: TValue) => void }) {
  const t = useTranslations("quiz");
  const locale = useLocale();
  const chosen = question.candidates.find((c) => c.id === value.candidateId);
  const continuation = chosen ? localize(chosen.token, locale) : value.typed;
  return (
    <div className="flex flex-col gap-3">
      <p className="rounded-md bg-slate-100 p-3 font-medium text-slate-950" aria-label={t("contextLabel")}>
        {localize(question.context, locale)}
        <span className="text-teal-800 underline decoration-dotted underline-offset-4">{continuation || "▁"}</span>
      </p>
      <fieldset aria-label={t("pickToken")} className="flex flex-wrap gap-2">
        {question.candidates.map((candidate) => (
          <label key={candidate.id} className="flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 has-checked:border-teal-800 has-checked:bg-teal-50">
            <input
              type="radio"
              name={question.id}
              className="size-4 accent-teal-800"
              checked={value.candidateId === candidate.id}
              onChange={() => onChange({ candidateId: candidate.id, typed: "" })}
            />
            <span>{localize(candidate.token, locale)}</span>
          </label>
        ))}
      </fieldset>
      {question.allowTyped ? (
        <TextField
          label={t("typeToken")}
          value={value.typed}
          maxLength={50}
          autoComplete="off"
          className="max-w-xs"
          onChange={(event) => onChange({ candidateId: null, typed: event.target.value })}
        />
      ) : null}
    </div>
  );
}
