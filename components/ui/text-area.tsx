import { useId, type TextareaHTMLAttributes } from "react";

export function TextArea({ label, help, id, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; help?: string }) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="text-sm font-medium text-slate-900">
        {label}
      </label>
      <textarea
        id={inputId}
        aria-describedby={help ? `${inputId}-help` : undefined}
        className="min-h-32 rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 focus-visible:outline focus-visible:outline-3 focus-visible:outline-offset-1 focus-visible:outline-amber-500"
        {...props}
      />
      {help ? (
        <p id={`${inputId}-help`} className="text-sm text-slate-700">
          {help}
        </p>
      ) : null}
    </div>
  );
}
