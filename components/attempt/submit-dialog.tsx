"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

/** Asks before submitting, listing the questions still unanswered or flagged. */
type TProps = { open: boolean; onCancel: () => void; onConfirm: () => void; unanswered: number[]; flagged: number[]; unreadable: number[] };

export function SubmitDialog({ open, onCancel, onConfirm, unanswered, flagged, unreadable }: TProps) {
  const t = useTranslations("attempt");
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} onCancel={onCancel} aria-labelledby="submit-dialog-title" className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/50">
      <h2 id="submit-dialog-title" className="text-xl font-semibold">
        {t("confirmTitle")}
      </h2>
      {unanswered.length ? (
        <p className="mt-3" data-testid="unanswered-list">
          {t("confirmUnanswered", { count: unanswered.length, list: unanswered.join(t("listSeparator")) })}
        </p>
      ) : (
        <p className="mt-3">{t("confirmAllAnswered")}</p>
      )}
      {unreadable.length ? (
        <p className="mt-2 font-medium text-red-800" data-testid="unreadable-list">
          {t("confirmUnreadable", { list: unreadable.join(t("listSeparator")) })}
        </p>
      ) : null}
      {flagged.length ? <p className="mt-2">{t("confirmFlagged", { list: flagged.join(t("listSeparator")) })}</p> : null}
      <p className="mt-2 text-sm text-slate-700">{t("confirmFinal")}</p>
      <div className="mt-5 flex flex-wrap gap-3">
        <Button type="button" onClick={onConfirm}>
          {t("confirmSubmit")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("keepWorking")}
        </Button>
      </div>
    </dialog>
  );
}
