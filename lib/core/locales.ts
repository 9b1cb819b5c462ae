export const LOCALES = ["zh-TW", "en"] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: TLocale = "zh-TW";
