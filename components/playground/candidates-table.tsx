"use client";

import { useTranslations } from "next-intl";

import type { TPlaygroundStep } from "@/lib/playground/schema";

import { showToken } from "./show-token";

/** One step's top candidates with their probabilities, the chosen one marked in words, not only by colour */
export function CandidatesTable({ step }: { step: TPlaygroundStep }) {
  const t = useTranslations("playground");
  return (
    <div className="overflow-x-auto">
      <table className="w-full max-w-lg border-collapse text-sm" data-testid="playground-candidates">
        <caption className="mb-1 text-left font-medium">{t("candidatesCaption", { step: step.index + 1, token: showToken(step.text) })}</caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="py-1 pr-3 text-left">{t("candidateColumn")}</th>
            <th scope="col" className="py-1 pr-3 text-left">{t("chanceColumn")}</th>
            <th scope="col" className="py-1 text-left">{t("chosenColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {step.candidates.map((candidate, i) => {
            const chosen = i === step.rank;
            return (
              <tr key={i} className={`border-b border-slate-200 ${chosen ? "bg-teal-50 font-semibold" : ""}`} data-chosen={chosen || undefined}>
                <th scope="row" className="py-1 pr-3 text-left font-mono font-normal whitespace-pre">{showToken(candidate.token)}</th>
                <td className="py-1 pr-3">
                  <span className="flex items-center gap-2">
                    <span className="w-14 tabular-nums">{(candidate.probability * 100).toFixed(1)}%</span>
                    <span aria-hidden="true" className="hidden h-2 w-24 rounded bg-slate-200 sm:block">
                      <span className="block h-2 rounded bg-teal-700" style={{ width: `${Math.min(100, candidate.probability * 100)}%` }} />
                    </span>
                  </span>
                </td>
                <td className="py-1">{chosen ? t("chosenMark") : t("notChosen")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {step.rank < 0 ? <p className="mt-2 text-sm text-slate-800">{t("belowTop", { token: showToken(step.text), count: step.candidates.length })}</p> : null}
    </div>
  );
}
