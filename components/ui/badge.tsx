import type { ReactNode } from "react";

const TONES = {
  success: "bg-emerald-100 text-emerald-900 border-emerald-700",
  warning: "bg-amber-100 text-amber-950 border-amber-700",
  danger: "bg-red-100 text-red-900 border-red-700",
  neutral: "bg-slate-100 text-slate-900 border-slate-500",
} as const;

export function Badge({ tone = "neutral", children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return <span className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-xs font-semibold ${TONES[tone]}`}>{children}</span>;
}
