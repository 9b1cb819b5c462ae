"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

/** Runs a roster action, shows its refusal in the user's language, and refreshes the page. */
export function useRosterAction() {
  const t = useTranslations("errors");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run(work: () => Promise<{ ok: boolean; code?: string }>) {
    setError(null);
    startTransition(async () => {
      try {
        const result = await work();
        if (!result.ok) setError(t((result.code ?? "FORBIDDEN") as "FORBIDDEN"));
        router.refresh();
      } catch {
        setError(t("network"));
      }
    });
  }

  return { error, pending, run };
}
