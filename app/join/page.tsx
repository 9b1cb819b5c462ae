import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { JoinForm } from "@/components/roster/join-form";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/core/session";

export default async function JoinPage() {
  await requireUser("/join");
  const t = await getTranslations();
  return (
    <div className="mx-auto flex max-w-lg flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("roster.joinPageTitle")}</h1>
      <p>{t("roster.joinPageHelp")}</p>
      <Card>
        <JoinForm />
      </Card>
      <Link href="/" className="text-teal-800 underline underline-offset-2">{t("result.backHome")}</Link>
    </div>
  );
}
