import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SessionKeepAlive } from "@/components/auth/session-keep-alive";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { buttonClass } from "@/components/ui/button";
import type { TSessionUser } from "@/lib/core/session";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader({ user }: { user: TSessionUser | null }) {
  const t = await getTranslations();
  return (
    <header className="border-b border-slate-300 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-teal-900 focus-visible:outline focus-visible:outline-3 focus-visible:outline-amber-500">
          {t("app.name")}
        </Link>
        <nav aria-label={t("nav.home")} className="flex flex-wrap items-center gap-3">
          {user ? (
            <>
              <Link href="/review" className={buttonClass("link")}>{t("nav.review")}</Link>
              <Link href="/progress" className={buttonClass("link")}>{t("nav.progress")}</Link>
              <span className="text-sm text-slate-700">{t("nav.signedInAs", { name: user.name ?? user.email })}</span>
              <SignOutButton />
              <SessionKeepAlive />
            </>
          ) : (
            <Link href="/signin" className={buttonClass("secondary")}>
              {t("nav.signIn")}
            </Link>
          )}
          <LanguageSwitch />
        </nav>
      </div>
    </header>
  );
}
