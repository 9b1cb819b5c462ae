"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FeedbackStream } from "./feedback-stream";

type TProps = {
  /** The rounds so far, oldest first */
  rounds: string[];
  asking: boolean;
  error: string | null;
  disabled: boolean;
  onAsk: () => void;
};

/** Feedback on an open answer while practising: ask, revise, ask again; each round builds on the last. */
export function OpenFeedback({ rounds, asking, error, disabled, onAsk }: TProps) {
  const t = useTranslations("gradingStream");
  const latest = rounds.at(-1);
  return (
    <div className="mt-3 flex flex-col gap-2" data-testid="open-feedback" data-rounds={rounds.length}>
      <div>
        <Button type="button" variant="secondary" disabled={disabled || asking} onClick={onAsk}>
          {asking ? t("asking") : rounds.length === 0 ? t("ask") : t("askAgain", { round: rounds.length + 1 })}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-amber-900">
          {error}
        </p>
      ) : null}
      {latest ? <FeedbackStream key={latest} roundId={latest} practice /> : null}
      {rounds.length > 1 ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-teal-900">{t("earlierRounds")}</summary>
          {rounds
            .slice(0, -1)
            .map((roundId, index) => ({ roundId, number: index + 1 }))
            .reverse()
            .map(({ roundId, number }) => (
              <details key={roundId} className="ml-3 mt-2">
                <summary className="cursor-pointer">{t("earlierRound", { round: number })}</summary>
                <FeedbackStream roundId={roundId} practice />
              </details>
            ))}
        </details>
      ) : null}
    </div>
  );
}
