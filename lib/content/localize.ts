import type { TLocale } from "@/lib/core/locales";
import type { TLocalizedText } from "@/lib/quiz/schema";

export function localize(text: TLocalizedText, locale: string): string {
  return text[locale as TLocale] ?? text["zh-TW"];
}
