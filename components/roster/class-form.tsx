"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { createClassAction, updateClassAction } from "@/lib/roster/actions";

type TProps = { classId?: string; initial?: { name: string; term: string | null; sections: string[]; archived: boolean } };

/** Creates a class, or edits one when `classId` is given. */
export function ClassForm({ classId, initial }: TProps) {
  const t = useTranslations();
  const router = useRouter();
  const [name, setName] = useState(initial?.name ?? "");
  const [term, setTerm] = useState(initial?.term ?? "");
  const [sections, setSections] = useState(initial?.sections.join(", ") ?? "");
  const [archived, setArchived] = useState(initial?.archived ?? false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    startTransition(async () => {
      try {
        const result = classId ? await updateClassAction(classId, { name, term, sections, archived }) : await createClassAction({ name, term, sections });
        if (result.ok) {
          setMessage({ tone: "info", text: t("roster.saved") });
          router.refresh();
        } else {
          setFields("fields" in result && result.fields ? result.fields : {});
          setMessage({ tone: "error", text: t(`errors.${result.code}` as "errors.INVALID_INPUT") });
        }
      } catch {
        setMessage({ tone: "error", text: t("errors.network") });
      }
    });
  }

  const fieldError = (key: string) => (fields[key] ? t(`roster.field_${fields[key]}` as "roster.field_required") : null);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <TextField label={t("roster.className")} value={name} maxLength={120} required onChange={(e) => setName(e.target.value)} error={fieldError("name")} />
      <TextField label={t("roster.term")} value={term} maxLength={60} help={t("roster.termHelp")} onChange={(e) => setTerm(e.target.value)} error={fieldError("term")} />
      <TextField label={t("roster.sections")} value={sections} maxLength={2000} help={t("roster.sectionsHelp")} onChange={(e) => setSections(e.target.value)} error={fieldError("sections")} />
      {classId ? (
        <label className="flex items-center gap-2">
          <input type="checkbox" className="size-4 accent-teal-800" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
          {t("roster.archived")}
        </label>
      ) : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div>
        <Button type="submit" disabled={pending}>
          {classId ? t("roster.save") : t("roster.create")}
        </Button>
      </div>
    </form>
  );
}
