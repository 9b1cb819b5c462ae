"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { reviewGroupAction } from "@/lib/grading/actions";

/** Accept the grader's grade for every answer of a group of alike answers, with one reason. */
export function AcceptGroupForm({ classId, responseIds }: { classId: string; responseIds: string[] }) {
  const t = useTranslations("gradingReview");
  const te = useTranslations("errors");
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function accept() {
    setMessage(null);
    startTransition(async () => {
      const result = await reviewGroupAction(classId, { responseIds, reason });
      if (result.ok) {
        setError(null);
        setMessage({ tone: "ok", text: t("groupAccepted", { count: result.accepted }) });
        router.refresh();
        return;
      }
      const field = "fields" in result ? result.fields?.reason : undefined;
      setError(field ? t(`error_${field}` as "error_reason_required") : null);
      setMessage({ tone: "error", text: field ? t("fixFields") : te(result.code as "unexpected") });
      router.refresh();
    });
  }

  return (
    <form className="mt-3 flex flex-col gap-3" onSubmit={(event) => event.preventDefault()} aria-label={t("groupFormLabel", { count: responseIds.length })}>
      <TextField label={t("reason")} help={t("groupReasonHelp")} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} error={error} />
      <div>
        <Button type="button" disabled={pending} onClick={accept}>
          {t("acceptGroup", { count: responseIds.length })}
        </Button>
      </div>
      {message ? (
        <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "text-red-800" : "text-emerald-900"}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
