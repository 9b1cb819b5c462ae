import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "bg-teal-800 text-white hover:bg-teal-900 disabled:bg-slate-400",
  secondary: "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100",
  link: "text-teal-800 underline underline-offset-2 hover:text-teal-950",
} as const;

const FOCUS = "focus-visible:outline focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500";

export function buttonClass(variant: keyof typeof VARIANTS = "primary") {
  if (variant === "link") return `inline-flex items-center gap-1 font-medium ${FOCUS} ${VARIANTS.link}`;
  return `inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium disabled:cursor-not-allowed ${FOCUS} ${VARIANTS[variant]}`;
}

export function Button({ variant = "primary", className = "", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS }) {
  return <button className={`${buttonClass(variant)} ${className}`} {...props} />;
}
