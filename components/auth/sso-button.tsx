"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function SsoButton({ name, callbackUrl }: { name: string; callbackUrl: string }) {
  const t = useTranslations("signIn");
  return (
    <Button type="button" onClick={() => signIn("university", { callbackUrl })}>
      {t("sso", { name })}
    </Button>
  );
}
