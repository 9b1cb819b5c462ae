"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

// Unexpected errors: a plain apology with the reference the server logged.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div className="flex flex-col gap-3" role="alert">
      <h1 className="text-2xl font-bold">{t("errorTitle")}</h1>
      <p>{t("errorBody", { digest: error.digest ?? "—" })}</p>
      <div>
        <Button type="button" onClick={reset}>
          {t("retry")}
        </Button>
      </div>
    </div>
  );
}
