"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { joinSettingsAction, rotateJoinCodeAction } from "@/lib/roster/actions";
import { useRosterAction } from "./use-roster-action";

export function JoinCodePanel({ classId, code, needsApproval, canEdit }: { classId: string; code: string | null; needsApproval: boolean; canEdit: boolean }) {
  const t = useTranslations();
  const { error, pending, run } = useRosterAction();

  return (
    <div className="flex flex-col gap-3">
      {code ? (
        <p>
          {t("roster.joinCodeIs")}{" "}
          <code className="rounded bg-slate-100 px-2 py-1 font-mono text-lg tracking-widest" data-testid="join-code">
            {code}
          </code>
        </p>
      ) : (
        <p>{t("roster.joinOff")}</p>
      )}
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="button" variant="secondary" disabled={pending} onClick={() => run(() => joinSettingsAction(classId, { enabled: !code, needsApproval }))}>
            {code ? t("roster.joinTurnOff") : t("roster.joinTurnOn")}
          </Button>
          {code ? (
            <Button type="button" variant="secondary" disabled={pending} onClick={() => run(() => rotateJoinCodeAction(classId))}>
              {t("roster.joinRotate")}
            </Button>
          ) : null}
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              className="size-4 accent-teal-800"
              checked={needsApproval}
              disabled={pending}
              onChange={(e) => run(() => joinSettingsAction(classId, { enabled: Boolean(code), needsApproval: e.target.checked }))}
            />
            {t("roster.joinNeedsApproval")}
          </label>
        </div>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
