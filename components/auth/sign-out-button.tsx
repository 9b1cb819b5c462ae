"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { signOutEverywhereAction } from "@/lib/auth/actions";

export function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <>
      <Button type="button" variant="secondary" className="py-1.5" onClick={() => signOut({ callbackUrl: "/" })}>
        {t("signOut")}
      </Button>
      <Button
        type="button"
        variant="link"
        className="text-sm"
        onClick={async () => {
          await signOutEverywhereAction();
          await signOut({ callbackUrl: "/" });
        }}
      >
        {t("signOutEverywhere")}
      </Button>
    </>
  );
}
