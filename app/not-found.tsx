import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-2xl font-bold">{t("errors.notFoundTitle")}</h1>
      <p>{t("errors.notFoundBody")}</p>
      <p>
        <Link href="/" className={buttonClass("secondary")}>
          {t("result.backHome")}
        </Link>
      </p>
    </div>
  );
}
