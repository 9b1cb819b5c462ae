"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { submitQuizAction } from "@/lib/attempt/actions";
import { localize } from "@/lib/content/localize";
import type { TPublicQuestion } from "@/lib/quiz/public-question";
import type { TAnswer } from "@/lib/quiz/schema";
import { NumericInput } from "./numeric-input";

type TAnswers = Record<string, TAnswer>;

function isAnswered(question: TPublicQuestion, answer: TAnswer | undefined): boolean {
  if (!answer) return false;
  if (answer.type === "single_choice") return answer.optionId !== null;
  if (answer.type === "numeric") return answer.text.trim() !== "";
  return question.type === "categorize" && question.items.every((item) => answer.placements[item.id]);
}

export function QuizForm({ assignmentId, questions }: { assignmentId: string; questions: TPublicQuestion[] }) {
  const t = useTranslations();
  const locale = useLocale();
  const [answers, setAnswers] = useState<TAnswers>({});
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const unanswered = questions.filter((question) => !isAnswered(question, answers[question.id])).length;

  const setAnswer = (questionId: string, answer: TAnswer) => setAnswers((current) => ({ ...current, [questionId]: answer }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      try {
        // On success the action redirects to the result page; otherwise the answers stay here.
        const result = await submitQuizAction({ assignmentId, answers });
        if (!result.ok) {
          setFieldErrors(result.fieldErrors ?? {});
          setError(result.fieldErrors ? t("quiz.fixFields") : t(`errors.${result.code}` as "errors.INVALID_INPUT"));
        }
      } catch {
        setError(t("errors.network"));
      }
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-6" noValidate>
      {questions.map((question, index) => (
        <Card key={question.id} aria-labelledby={`${question.id}-title`} data-question-type={question.type}>
          <h2 id={`${question.id}-title`} className="text-sm font-semibold uppercase tracking-wide text-teal-900">
            {t("quiz.questionNumber", { number: index + 1 })} · {t("quiz.points", { points: question.points })}
          </h2>
          <p className="mt-2 text-lg font-medium text-slate-950" id={`${question.id}-prompt`}>
            {localize(question.prompt, locale)}
          </p>
          {question.hint ? (
            <details className="mt-2 text-slate-800">
              <summary className="cursor-pointer text-sm font-medium text-teal-900">{t("quiz.hint")}</summary>
              <p className="mt-1">{localize(question.hint, locale)}</p>
            </details>
          ) : null}
          <div className="mt-4">
            {question.type === "single_choice" ? (
              <fieldset aria-labelledby={`${question.id}-prompt`} className="flex flex-col gap-2">
                {question.options.map((option) => (
                  <label key={option.id} className="flex items-start gap-3 rounded-md border border-slate-300 p-3 hover:bg-slate-50 has-checked:border-teal-800 has-checked:bg-teal-50">
                    <input
                      type="radio"
                      name={question.id}
                      value={option.id}
                      className="mt-1 size-4 accent-teal-800"
                      checked={answers[question.id]?.type === "single_choice" && (answers[question.id] as { optionId: string | null }).optionId === option.id}
                      onChange={() => setAnswer(question.id, { type: "single_choice", optionId: option.id })}
                    />
                    <span>{localize(option.text, locale)}</span>
                  </label>
                ))}
              </fieldset>
            ) : null}
            {question.type === "categorize" ? (
              <div className="flex flex-col gap-3">
                {question.items.map((item) => {
                  const current = answers[question.id];
                  const placements = current?.type === "categorize" ? current.placements : {};
                  return (
                    <fieldset key={item.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-md border border-slate-300 p-3">
                      <legend className="sr-only">{t("quiz.categorizeLegend", { item: localize(item.text, locale) })}</legend>
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
                            onChange={() => setAnswer(question.id, { type: "categorize", placements: { ...placements, [item.id]: category.id } })}
                          />
                          <span>{localize(category.label, locale)}</span>
                        </label>
                      ))}
                    </fieldset>
                  );
                })}
              </div>
            ) : null}
            {question.type === "numeric" ? (
              <NumericInput
                id={`${question.id}-input`}
                value={answers[question.id]?.type === "numeric" ? (answers[question.id] as { text: string }).text : ""}
                serverError={Boolean(fieldErrors[question.id])}
                onChange={(text) => {
                  setFieldErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => key !== question.id)));
                  setAnswer(question.id, { type: "numeric", text });
                }}
              />
            ) : null}
          </div>
        </Card>
      ))}
      {error ? <Alert>{error}</Alert> : null}
      {unanswered > 0 ? <p className="text-slate-800">{t("quiz.unanswered", { count: unanswered })}</p> : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("quiz.submitting") : t("quiz.submit")}
        </Button>
      </div>
    </form>
  );
}
