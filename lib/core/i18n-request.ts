import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALES, type TLocale } from "./locales";

export const LOCALE_COOKIE = "NEXT_LOCALE";

export function toLocale(value: string | undefined): TLocale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as TLocale) : DEFAULT_LOCALE;
}

// No locale in the URL: the choice lives in a cookie, so links stay the same in both languages.
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    messages: (await import(`../../messages/${locale}.json`)).default,
    timeZone: "Asia/Taipei",
    // One rule for points everywhere: at most two decimals (14.429 → 14.43, 2.5 stays 2.5)
    formats: { number: { points: { maximumFractionDigits: 2 } } },
  };
});
