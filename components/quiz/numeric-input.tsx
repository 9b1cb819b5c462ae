"use client";

import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/text-field";
import { parseNumber } from "@/lib/quiz/parse-number";

export function NumericInput({ id, value, onChange, serverError }: { id: string; value: string; onChange: (text: string) => void; serverError?: boolean }) {
  const t = useTranslations("quiz");
  const reading = parseNumber(value);
  const unreadable = !reading.ok && reading.reason !== "empty";
  return (
    <div className="flex flex-col gap-2">
      <TextField
        id={id}
        label={t("numericLabel")}
        help={t("numericHelp")}
        value={value}
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
        error={unreadable || serverError ? t("unreadable") : null}
        className="max-w-md"
      />
      <p aria-live="polite" className="min-h-6 font-mono text-sm text-slate-800" data-testid={`${id}-preview`}>
        {reading.ok ? t("readAs", { value: reading.display }) : ""}
      </p>
    </div>
  );
}
