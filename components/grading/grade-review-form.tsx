"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import { reviewGradeAction } from "@/lib/grading/actions";

type TProps = {
  classId: string;
  responseId: string;
  machineScore: number;
  maxScore: number;
  machineFeedback: string;
  /** False when the machine grading failed: there is no grade to accept, only one to give */
  canAccept: boolean;
};

/** Accept a machine grade or replace it; a reason is always asked for, and kept in the audit log. */
export function GradeReviewForm({ classId, responseId, machineScore, maxScore, machineFeedback, canAccept }: TProps) {
  const t = useTranslations("gradingReview");
  const te = useTranslations("errors");
  const router = useRouter();
  const [score, setScore] = useState(String(machineScore));
  const [feedback, setFeedback] = useState(machineFeedback);
  const [reason, setReason] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function send(action: "ACCEPT" | "OVERRIDE") {
    setMessage(null);
    startTransition(async () => {
      const input = action === "ACCEPT" ? { action, responseId, reason } : { action, responseId, reason, feedback, score: score.trim() === "" ? Number.NaN : Number(score) };
      const result = await reviewGradeAction(classId, input);
      if (result.ok) {
        setFields({});
        setMessage({ tone: "ok", text: t(action === "ACCEPT" ? "acceptedDone" : "overridden", { score: result.score, max: maxScore }) });
        router.refresh();
        return;
      }
      setFields(result.fields ?? {});
      setMessage({ tone: "error", text: result.fields ? t("fixFields") : te(result.code as "unexpected") });
    });
  }

  const fieldError = (name: string) => (fields[name] ? t(`error_${fields[name]}` as "error_reason_required", { max: maxScore }) : null);
  return (
    <form className="mt-3 flex flex-col gap-3" onSubmit={(event) => event.preventDefault()} aria-label={t("formLabel")}>
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
        <TextField label={t("score", { max: maxScore })} type="number" inputMode="decimal" min={0} max={maxScore} step={0.5} value={score} onChange={(e) => setScore(e.target.value)} error={fieldError("score")} />
        <TextField label={t("reason")} help={t("reasonHelp")} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} error={fieldError("reason")} />
      </div>
      <TextArea label={t("feedbackField")} value={feedback} maxLength={5000} onChange={(e) => setFeedback(e.target.value)} />
      <div className="flex flex-wrap gap-3">
        {canAccept ? (
          <Button type="button" disabled={pending} onClick={() => send("ACCEPT")}>
            {t("accept")}
          </Button>
        ) : null}
        <Button type="button" variant="secondary" disabled={pending} onClick={() => send("OVERRIDE")}>
          {t("override")}
        </Button>
      </div>
      {message ? (
        <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "text-sm font-medium text-red-800" : "text-sm font-medium text-teal-900"}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
