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
import { isAnswered, QuestionInput } from "./question-input";

type TAnswers = Record<string, TAnswer>;

export function QuizForm({ assignmentId, questions }: { assignmentId: string; questions: TPublicQuestion[] }) {
  const t = useTranslations();
  const locale = useLocale();
  const [answers, setAnswers] = useState<TAnswers>({});
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const unanswered = questions.filter((question) => !isAnswered(question, answers[question.id])).length;

  function setAnswer(questionId: string, answer: TAnswer) {
    setAnswers((current) => ({ ...current, [questionId]: answer }));
    setFieldErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => key !== questionId)));
  }

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
          <p className="mt-2 whitespace-pre-line text-lg font-medium text-slate-950" id={`${question.id}-prompt`}>
            {localize(question.prompt, locale)}
          </p>
          {question.hint ? (
            <details className="mt-2 text-slate-800">
              <summary className="cursor-pointer text-sm font-medium text-teal-900">{t("quiz.hint")}</summary>
              <p className="mt-1">{localize(question.hint, locale)}</p>
            </details>
          ) : null}
          <div className="mt-4">
            <QuestionInput question={question} answer={answers[question.id]} serverError={fieldErrors[question.id]} onChange={(answer) => setAnswer(question.id, answer)} />
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
