"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALES } from "./locales";
import { LOCALE_COOKIE } from "./i18n-request";

export async function setLocaleAction(locale: string): Promise<void> {
  const parsed = z.enum(LOCALES).safeParse(locale);
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
}
