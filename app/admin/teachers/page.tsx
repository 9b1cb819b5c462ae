import { getTranslations } from "next-intl/server";
import { TeachingAccess } from "@/components/admin/teaching-access";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/core/db";
import { requireSiteAdmin } from "@/lib/core/session";
import { findTeachers } from "@/lib/roster/teaching";

/** Site admins: who may create classes */
export default async function TeachersPage() {
  await requireSiteAdmin("/admin/teachers", { page: true });
  const [t, teachers] = await Promise.all([getTranslations("admin"), findTeachers(db)]);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("teachersTitle")}</h1>
      <p className="text-slate-800">{t("teachersHelp")}</p>
      <Card>
        <TeachingAccess teachers={teachers.map(({ id, email, name, siteRole }) => ({ id, email, name, admin: siteRole === "ADMIN" }))} />
      </Card>
    </div>
  );
}
