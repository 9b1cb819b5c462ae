"use client";

import { useLocale } from "next-intl";
import type { ReactNode } from "react";
import { localize } from "@/lib/content/localize";
import type { TGradeResult } from "@/lib/quiz/grade-question";

/** Feedback shown the moment an answer is checked: the question's feedback, then each misplaced item's. */
export function InstantFeedback({ result, className = "", testId, children }: { result: TGradeResult; className?: string; testId?: string; children?: ReactNode }) {
  const locale = useLocale();
  return (
    <div aria-live="polite" className={`flex flex-col gap-1 text-slate-900 ${className}`} data-testid={testId}>
      {result.feedback.map((text, index) => (
        <p key={index}>{localize(text, locale)}</p>
      ))}
      {result.items
        ?.filter((item) => !item.correct)
        .map((item) => (
          <p key={item.id}>
            <strong>{localize(item.text, locale)}</strong>: {localize(item.feedback, locale)}
          </p>
        ))}
      {children}
    </div>
  );
}
