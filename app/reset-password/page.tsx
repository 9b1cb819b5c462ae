import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ResetPasswordForm } from "@/components/auth/token-forms";
import { Card } from "@/components/ui/card";

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const t = await getTranslations("account");
  const token = z.string().max(200).catch("").parse((await searchParams).token ?? "");
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("resetTitle")}</h1>
      <Card><ResetPasswordForm token={token} /></Card>
    </div>
  );
}
