"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { InstantFeedback } from "@/components/quiz/instant-feedback";
import { QuestionInput } from "@/components/quiz/question-input";
import { OUTCOME_TONE } from "@/components/quiz/outcome-tone";
import { localize } from "@/lib/content/localize";
import { checkYourselfAction } from "@/lib/practice/actions";
import type { TGradeResult } from "@/lib/quiz/grade-question";
import type { TPublicQuestion } from "@/lib/quiz/public-question";
import type { TAnswer } from "@/lib/quiz/schema";


/** A quick question after a section of the notes, with feedback the moment it is answered. */
export function CheckYourself({ question }: { question: TPublicQuestion }) {
  const t = useTranslations();
  const locale = useLocale();
  const [answer, setAnswer] = useState<TAnswer | undefined>();
  const [result, setResult] = useState<TGradeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function check() {
    if (!answer) return;
    setError(null);
    startTransition(async () => {
      try {
        const response = await checkYourselfAction({ questionId: question.id, answer });
        if (response.ok) setResult(response.result);
        else setError(t(`errors.${response.code}`));
      } catch {
        setError(t("errors.network"));
      }
    });
  }

  return (
    <aside aria-labelledby={`${question.id}-check`} className="mt-4 rounded-lg border-2 border-dashed border-teal-700 bg-teal-50/50 p-4">
      <h3 id={`${question.id}-check`} className="text-sm font-semibold uppercase tracking-wide text-teal-900">
        {t("lecture.checkYourself")}
      </h3>
      <p className="mt-1 font-medium" id={`${question.id}-prompt`}>
        {localize(question.prompt, locale)}
      </p>
      <div className="mt-3">
        <QuestionInput question={question} answer={answer} onChange={(next) => { setAnswer(next); setResult(null); }} />
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" disabled={!answer || pending} onClick={check}>
          {t("lecture.check")}
        </Button>
        {result ? <Badge tone={OUTCOME_TONE[result.outcome]}>{t(`result.outcome_${result.outcome}`)}</Badge> : null}
      </div>
      {error ? <div className="mt-3"><Alert>{error}</Alert></div> : null}
      {result ? (
        <InstantFeedback result={result} className="mt-3" />
      ) : null}
    </aside>
  );
}
