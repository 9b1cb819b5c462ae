"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { InstantFeedback } from "@/components/quiz/instant-feedback";
import { nextTokenTables } from "@/components/quiz/next-token-tables";
import { ProbabilityTables } from "@/components/quiz/probability-tables";
import { QuestionInput } from "@/components/quiz/question-input";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { OUTCOME_TONE } from "@/components/quiz/outcome-tone";
import { localize } from "@/lib/content/localize";
import type { TNextTokenReveal } from "@/lib/content/next-token-probabilities";
import type { TLocale } from "@/lib/core/locales";
import { postJson } from "@/lib/core/post-json";
import type { TGradeResult } from "@/lib/quiz/grade-question";
import type { TPublicQuestion } from "@/lib/quiz/public-question";
import type { TAnswer } from "@/lib/quiz/schema";


/** One due review: answer, see the feedback at once, then go on to the next. */
export function ReviewQuestion({ questionUuid, question }: { questionUuid: string; question: TPublicQuestion }) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const [answer, setAnswer] = useState<TAnswer | undefined>();
  const [result, setResult] = useState<{ grade: TGradeResult; nextDue: string; nextToken: TNextTokenReveal | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function check() {
    if (!answer) return;
    setError(null);
    startTransition(async () => {
      try {
        const { body } = await postJson<{ grade: TGradeResult; nextDue: string; nextToken: TNextTokenReveal | null }>(`/api/review/${questionUuid}`, { answer });
        if (body?.ok && body.grade && body.nextDue) setResult({ grade: body.grade, nextDue: body.nextDue, nextToken: body.nextToken ?? null });
        else setError(t(`errors.${body?.code ?? "unexpected"}` as "errors.unexpected"));
      } catch {
        setError(t("errors.network"));
      }
    });
  }

  return (
    <Card aria-labelledby="review-question">
      <h2 id="review-question" className="text-sm font-semibold uppercase tracking-wide text-teal-900">
        {t("review.dueQuestion")}
      </h2>
      <p className="mt-2 whitespace-pre-line text-lg font-medium" id={`${question.id}-prompt`}>
        {localize(question.prompt, locale)}
      </p>
      <fieldset className="mt-4" disabled={Boolean(result)}>
        <QuestionInput question={question} answer={answer} onChange={setAnswer} />
      </fieldset>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        {result ? (
          <Button type="button" onClick={() => router.refresh()}>
            {t("review.next")}
          </Button>
        ) : (
          <Button type="button" disabled={!answer || pending} onClick={check}>
            {t("review.check")}
          </Button>
        )}
        {result ? <Badge tone={OUTCOME_TONE[result.grade.outcome]}>{t(`result.outcome_${result.grade.outcome}`)}</Badge> : null}
      </div>
      {error ? (
        <div className="mt-3">
          <Alert>{error}</Alert>
        </div>
      ) : null}
      {result ? (
        <InstantFeedback result={result.grade} className="mt-3" testId="review-feedback">
          {result.nextToken ? (
            <div className="mt-2 flex flex-col gap-4">
              <ProbabilityTables
                tables={nextTokenTables({
                  question: result.nextToken,
                  locale: locale as TLocale,
                  chosenId: answer?.type === "next_token" ? answer.candidateId : null,
                  model: result.nextToken.models[locale as TLocale] ?? null,
                  t: (key, values) => t(`result.${key}` as "result.tokenColumn", values),
                })}
                tokenHeader={t("result.tokenColumn")}
                shareHeader={t("result.probabilityColumn")}
              />
            </div>
          ) : null}
          <p className="text-sm text-slate-700">{t("review.comesBack", { time: new Date(result.nextDue).toLocaleString(locale) })}</p>
        </InstantFeedback>
      ) : null}
    </Card>
  );
}
