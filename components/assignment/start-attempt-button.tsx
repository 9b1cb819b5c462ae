"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { startAttemptAction } from "@/lib/attempt/actions";

/** Starts an attempt; the action opens it (or the one already in progress). */
export function StartAttemptButton({ assignmentId, label }: { assignmentId: string; label: string }) {
  const te = useTranslations("errors");
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
                const result = await startAttemptAction(assignmentId);
                if (result && !result.ok) setError(te(result.code as "unexpected"));
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
