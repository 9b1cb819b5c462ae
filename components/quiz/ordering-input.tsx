"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { localize } from "@/lib/content/localize";
import type { TPublicQuestion } from "@/lib/quiz/public-question";

type TQuestion = Extract<TPublicQuestion, { type: "ordering" }>;

/** Reordering with buttons, which works with a keyboard and a screen reader alike. */
export function OrderingInput({ question, order, onChange }: { question: TQuestion; order: string[] | null; onChange: (order: string[]) => void }) {
  const t = useTranslations("quiz");
  const locale = useLocale();
  const [announcement, setAnnouncement] = useState("");
  const current = order ?? question.items.map((item) => item.id);
  const textOf = (id: string) => localize(question.items.find((item) => item.id === id)!.text, locale);

  function move(index: number, by: -1 | 1) {
    const next = [...current];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
    setAnnouncement(t("movedTo", { item: textOf(item!), position: index + by + 1 }));
  }

  return (
    <div>
      <p className="mb-2 text-sm text-slate-700">{t("orderingHelp")}</p>
      <ol className="flex flex-col gap-2" aria-label={t("orderingList")}>
        {current.map((id, index) => (
          <li key={id} className="flex items-center gap-3 rounded-md border border-slate-300 bg-white p-3">
            <span className="w-6 text-right font-mono text-slate-700" aria-hidden="true">
              {index + 1}.
            </span>
            <span className="flex-1">{textOf(id)}</span>
            <button
              type="button"
              className="rounded border border-slate-400 px-2 py-1 text-sm disabled:opacity-40 focus-visible:outline focus-visible:outline-3 focus-visible:outline-amber-500"
              disabled={index === 0}
              aria-label={t("moveUp", { item: textOf(id) })}
              onClick={() => move(index, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="rounded border border-slate-400 px-2 py-1 text-sm disabled:opacity-40 focus-visible:outline focus-visible:outline-3 focus-visible:outline-amber-500"
              disabled={index === current.length - 1}
              aria-label={t("moveDown", { item: textOf(id) })}
              onClick={() => move(index, 1)}
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
