import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/auth/token-forms";
import { Card } from "@/components/ui/card";

export default async function ForgotPasswordPage() {
  const t = await getTranslations("account");
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("forgotTitle")}</h1>
      <p>{t("forgotHelp")}</p>
      <Card><ForgotPasswordForm /></Card>
    </div>
  );
}
