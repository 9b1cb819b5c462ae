import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { UnlockForm } from "@/components/auth/token-forms";
import { Card } from "@/components/ui/card";

// The link only shows a button: mail scanners that open links must not use up the token.
export default async function UnlockPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const t = await getTranslations("account");
  const token = z.string().max(200).catch("").parse((await searchParams).token ?? "");
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("unlockTitle")}</h1>
      <p>{t("unlockHelp")}</p>
      <Card><UnlockForm token={token} /></Card>
    </div>
  );
}
