"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

export type TToken = { text: string; candidates?: { token: string; probability: number }[] };

/**
 * "See how it's written": the feedback as the tokens it was generated in. Where the model reported
 * them, each token's top candidates and their probabilities: the lecture's next-token game, live.
 */
export function TokenView({ tokens }: { tokens: TToken[] }) {
  const t = useTranslations("gradingStream");
  const [selected, setSelected] = useState<number | null>(null);
  const withCandidates = tokens.some((token) => token.candidates?.length);
  const chosen = selected === null ? null : tokens[selected];
  return (
    <details className="text-sm" data-testid="token-view">
      <summary className="cursor-pointer font-medium text-teal-900">{t("howWritten")}</summary>
      <p className="mt-2 text-slate-800">{withCandidates ? t("howWrittenModel") : t("howWrittenBuiltin")}</p>
      <ol className="mt-2 flex flex-wrap gap-1" aria-label={t("tokens")}>
        {tokens.map((token, index) => (
          <li key={index}>
            <button
              type="button"
              className={`rounded border px-1 font-mono ${selected === index ? "border-teal-800 bg-teal-100" : "border-slate-300 bg-white"}`}
              aria-pressed={selected === index}
              onClick={() => setSelected(index)}
            >
              {token.text.replace(/\n/gu, "⏎")}
            </button>
          </li>
        ))}
      </ol>
      {chosen ? (
        chosen.candidates?.length ? (
          <table className="mt-2 w-full max-w-md border-collapse" data-testid="token-candidates">
            <caption className="mb-1 text-left font-medium">{t("candidatesFor", { token: chosen.text })}</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-1 pr-3 text-left">{t("candidateColumn")}</th>
                <th scope="col" className="py-1 text-left">{t("chanceColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {chosen.candidates.map((candidate, i) => (
                <tr key={i} className={`border-b border-slate-200 ${candidate.token === chosen.text ? "font-semibold" : ""}`}>
                  <th scope="row" className="py-1 pr-3 text-left font-mono font-normal">{candidate.token.replace(/\n/gu, "⏎")}</th>
                  <td className="py-1">{(candidate.probability * 100).toFixed(1)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="mt-2 text-slate-800">{t("noCandidates")}</p>
        )
      ) : null}
    </details>
  );
}
