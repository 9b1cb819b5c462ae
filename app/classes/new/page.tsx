import { getTranslations } from "next-intl/server";
import { ClassForm } from "@/components/roster/class-form";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/core/session";

export default async function NewClassPage() {
  const user = await requireUser("/classes/new");
  const t = await getTranslations("roster");
  return (
    <div className="mx-auto flex max-w-lg flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      <Card>{user.canTeach ? <ClassForm /> : <p data-testid="needs-teaching">{t("needsTeaching")}</p>}</Card>
    </div>
  );
}
