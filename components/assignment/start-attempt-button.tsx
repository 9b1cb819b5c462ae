"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { postJson } from "@/lib/core/post-json";

/** Starts an attempt (or finds the one already in progress) and opens it. */
export function StartAttemptButton({ assignmentId, label }: { assignmentId: string; label: string }) {
  const te = useTranslations("errors");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button
          type="button"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              setError(null);
              try {
                const { body } = await postJson<{ attemptId: string }>(`/api/assignments/${assignmentId}/attempts`);
                if (body?.ok && body.attemptId) router.push(`/attempts/${body.attemptId}`);
                else setError(te((body?.code ?? "unexpected") as "unexpected"));
              } catch {
                setError(te("network"));
              }
            })
          }
        >
          {label}
        </Button>
      </div>
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
