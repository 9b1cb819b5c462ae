"use client";

import { useLocale } from "next-intl";
import { localize } from "@/lib/content/localize";
import type { TLocalizedText } from "@/lib/quiz/schema";

type TProps = {
  name: string;
  labelledBy: string;
  options: { id: string; text: TLocalizedText }[];
  selected: string[];
  multiple: boolean;
  onChange: (selected: string[]) => void;
};

/** Radio buttons for single choice, checkboxes for multiple select. */
export function ChoiceInput({ name, labelledBy, options, selected, multiple, onChange }: TProps) {
  const locale = useLocale();
  return (
    <fieldset aria-labelledby={labelledBy} className="flex flex-col gap-2">
      {options.map((option) => (
        <label key={option.id} className="flex items-start gap-3 rounded-md border border-slate-300 p-3 hover:bg-slate-50 has-checked:border-teal-800 has-checked:bg-teal-50">
          <input
            type={multiple ? "checkbox" : "radio"}
            name={name}
            value={option.id}
            className="mt-1 size-4 accent-teal-800"
            checked={selected.includes(option.id)}
            onChange={(event) => {
              if (!multiple) onChange([option.id]);
              else onChange(event.target.checked ? [...selected, option.id] : selected.filter((id) => id !== option.id));
            }}
          />
          <span>{localize(option.text, locale)}</span>
        </label>
      ))}
    </fieldset>
  );
}
