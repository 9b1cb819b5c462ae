"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useRosterAction } from "@/components/roster/use-roster-action";
import { grantTeachingAction, withdrawTeachingAction } from "@/lib/roster/actions";

type TTeacher = { id: string; email: string; name: string | null; admin: boolean };

/** Grant teaching access by email; the list of who has it, each with a way to withdraw it. */
export function TeachingAccess({ teachers }: { teachers: TTeacher[] }) {
  const t = useTranslations("admin");
  const { error, pending, run } = useRosterAction();
  const [email, setEmail] = useState("");
  const [noAccount, setNoAccount] = useState(false);

  function onGrant(event: FormEvent) {
    event.preventDefault();
    setNoAccount(false);
    run(async () => {
      const result = await grantTeachingAction({ email });
      if (result.ok) setEmail("");
      // An email nobody has signed in with yet: say so, rather than "not found"
      if (!result.ok && result.code === "NOT_FOUND") {
        setNoAccount(true);
        return { ok: true };
      }
      return result;
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onGrant} className="flex flex-wrap items-end gap-3" noValidate>
        <div className="min-w-64 flex-1">
          <TextField label={t("grantEmail")} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <Button type="submit" disabled={pending || !email.trim()}>
          {t("grant")}
        </Button>
      </form>
      {noAccount ? <Alert tone="error">{t("noAccount")}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <table className="w-full border-collapse text-sm" data-testid="teachers">
        <caption className="text-left font-medium">{t("teachersTable", { count: teachers.length })}</caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="py-1 pr-3 text-left">{t("colName")}</th>
            <th scope="col" className="py-1 pr-3 text-left">{t("colEmail")}</th>
            <th scope="col" className="py-1 text-left">
              <span className="sr-only">{t("colActions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {teachers.map((teacher) => (
            <tr key={teacher.id} className="border-b border-slate-200">
              <td className="py-1 pr-3">{teacher.name ?? "—"}</td>
              <td className="py-1 pr-3 break-all">{teacher.email}</td>
              <td className="py-1 text-right">
                {teacher.admin ? (
                  <span className="text-slate-700">{t("adminAlways")}</span>
                ) : (
                  <button
                    type="button"
                    className="rounded border border-red-700 px-2 py-1 text-red-800"
                    disabled={pending}
                    aria-label={t("withdrawName", { name: teacher.name ?? teacher.email })}
                    onClick={() => run(() => withdrawTeachingAction({ userId: teacher.id }))}
                  >
                    {t("withdraw")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
