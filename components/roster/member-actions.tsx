"use client";

import { useTranslations } from "next-intl";
import { approveMemberAction, changeRoleAction, removeMemberAction } from "@/lib/roster/actions";
import { useRosterAction } from "./use-roster-action";

type TProps = { classId: string; userId: string; name: string; role: "INSTRUCTOR" | "TA" | "STUDENT"; waiting: boolean; canEdit: boolean };

/** Role, approval and removal for one roster row. */
export function MemberActions({ classId, userId, name, role, waiting, canEdit }: TProps) {
  const t = useTranslations();
  const { error, pending, run } = useRosterAction();

  return (
    <div className="flex flex-wrap items-center gap-2">
      {canEdit ? (
        <select
          aria-label={t("roster.roleOf", { name })}
          className="rounded border border-slate-500 bg-white px-2 py-1"
          value={role}
          disabled={pending}
          onChange={(e) => {
            const next = e.target.value as typeof role;
            // A role decides what someone may see and change: ask before it takes effect
            if (window.confirm(t("roster.confirmRole", { name, role: t(`home.role${next}`) }))) run(() => changeRoleAction({ classId, userId, role: next }));
          }}
        >
          {(["STUDENT", "TA", "INSTRUCTOR"] as const).map((option) => (
            <option key={option} value={option}>
              {t(`home.role${option}`)}
            </option>
          ))}
        </select>
      ) : (
        <span>{t(`home.role${role}`)}</span>
      )}
      {waiting ? (
        <button type="button" className="rounded border border-teal-800 px-2 py-1 text-teal-900" disabled={pending} onClick={() => run(() => approveMemberAction({ classId, userId }))}>
          {t("roster.approve")}
        </button>
      ) : null}
      {canEdit ? (
        <button
          type="button"
          className="rounded border border-red-700 px-2 py-1 text-red-800"
          disabled={pending}
          aria-label={t("roster.removeName", { name })}
          onClick={() => {
            if (window.confirm(t("roster.confirmRemove", { name }))) run(() => removeMemberAction({ classId, userId }));
          }}
        >
          {t("roster.remove")}
        </button>
      ) : null}
      {error ? (
        <span role="alert" className="text-sm text-red-800">
          {error}
        </span>
      ) : null}
    </div>
  );
}
