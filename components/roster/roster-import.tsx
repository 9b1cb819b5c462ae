"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/text-area";
import { commitRosterImportAction, previewRosterImportAction } from "@/lib/roster/actions";
import type { TRosterRowError } from "@/lib/roster/parse-roster-csv";
import type { TRosterPreview } from "@/lib/roster/plan-roster-import";

type TPreview = { text: string; plan: TRosterPreview; errors: TRosterRowError[] };

/** Upload or paste, preview what would change, then import in batches with progress. */
export function RosterImport({ classId }: { classId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TPreview | null>(null);
  const [removals, setRemovals] = useState<string[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const fileInput = useRef<HTMLInputElement>(null);
  // A file chosen before the page finished loading fired its change event before React listened.
  useEffect(() => {
    const chosen = fileInput.current?.files?.[0];
    if (chosen) setFile(chosen);
  }, []);
  const errorText = (code: string) => t(code.startsWith("roster.") ? (`roster.problem_${code.slice(7)}` as "roster.problem_empty") : (`errors.${code}` as "errors.INVALID_INPUT"));

  function onPreview() {
    setMessage(null);
    setPreview(null);
    startTransition(async () => {
      const form = new FormData();
      if (file) form.set("file", file);
      form.set("text", text);
      try {
        const result = await previewRosterImportAction(classId, form);
        if (result.ok) {
          setPreview({ text: result.text, plan: result.plan, errors: result.errors });
          setRemovals([]);
        } else setMessage({ tone: "error", text: errorText(result.code) });
      } catch {
        setMessage({ tone: "error", text: t("errors.network") });
      }
    });
  }

  function onCommit() {
    if (!preview) return;
    const total = preview.plan.add.length + preview.plan.update.length + removals.length;
    setProgress({ done: 0, total });
    startTransition(async () => {
      try {
        for (let round = 0; round < 1000; round++) {
          const result = await commitRosterImportAction(classId, { text: preview.text, removals });
          if (!result.ok) {
            setMessage({ tone: "error", text: errorText(result.code) });
            break;
          }
          setProgress({ done: result.done ? total : total - result.remaining - removals.length, total });
          if (result.done) {
            setMessage({ tone: "info", text: t("roster.imported", { added: preview.plan.add.length, updated: preview.plan.update.length, removed: removals.length }) });
            setPreview(null);
            setText("");
            setFile(null);
            // Cleared, so choosing the same file again (a corrected copy, or a re-run) fires a change.
            if (fileInput.current) fileInput.current.value = "";
            router.refresh();
            break;
          }
        }
      } catch {
        setMessage({ tone: "error", text: t("roster.importInterrupted") });
      }
    });
  }

  const plan = preview?.plan;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-800">{t("roster.importHelp")}</p>
      <div className="flex flex-col gap-1">
        <label htmlFor="roster-file" className="text-sm font-medium">
          {t("roster.file")}
        </label>
        <input ref={fileInput} id="roster-file" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="text-sm" />
      </div>
      <TextArea label={t("roster.paste")} value={text} onChange={(e) => setText(e.target.value)} placeholder={"email,name,student id,section\nming@example.edu,王小明,B12345678,A"} />
      <div>
        <Button type="button" variant="secondary" disabled={pending || (!file && !text.trim())} onClick={onPreview}>
          {t("roster.preview")}
        </Button>
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {plan ? (
        <section aria-labelledby="import-preview" className="flex flex-col gap-3 rounded-md border border-slate-300 p-4">
          <h3 id="import-preview" className="font-semibold">
            {t("roster.previewTitle")}
          </h3>
          <ul className="ml-6 list-disc" data-testid="import-summary">
            <li>{t("roster.toAdd", { count: plan.add.length, pending: plan.add.filter((row) => !row.hasAccount).length })}</li>
            <li>{t("roster.toUpdate", { count: plan.update.length })}</li>
            <li>{t("roster.unchanged", { count: plan.unchanged.length })}</li>
            {plan.staff.length ? <li>{t("roster.staffRows", { count: plan.staff.length })}</li> : null}
            <li>{t("roster.rowErrors", { count: preview.errors.length })}</li>
          </ul>
          {plan.add.length ? (
            <table className="w-full border-collapse text-sm" data-testid="rows-to-add">
              <caption className="text-left font-medium">{t("roster.addTable")}</caption>
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col" className="py-1 pr-3 text-left">{t("roster.colEmail")}</th>
                  <th scope="col" className="py-1 pr-3 text-left">{t("roster.colName")}</th>
                  <th scope="col" className="py-1 text-left">{t("roster.whatHappens")}</th>
                </tr>
              </thead>
              <tbody>
                {plan.add.slice(0, 200).map((row) => (
                  <tr key={row.email} className="border-b border-slate-200">
                    <td className="py-1 pr-3 break-all">{row.email}</td>
                    <td className="py-1 pr-3">{row.name}</td>
                    <td className="py-1">{t(row.hasAccount ? "roster.hasAccount" : "roster.willBeInvited")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {preview.errors.length ? (
            <table className="w-full border-collapse text-sm">
              <caption className="text-left font-medium">{t("roster.errorTable")}</caption>
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col" className="py-1 pr-3 text-left">{t("roster.line")}</th>
                  <th scope="col" className="py-1 pr-3 text-left">{t("roster.value")}</th>
                  <th scope="col" className="py-1 text-left">{t("roster.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.errors.slice(0, 200).map((error) => (
                  <tr key={error.line} className="border-b border-slate-200">
                    <td className="py-1 pr-3">{error.line}</td>
                    <td className="py-1 pr-3 break-all">{error.value}</td>
                    <td className="py-1">{t(`roster.reason_${error.reason}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {plan.missing.length ? (
            <fieldset className="flex flex-col gap-1">
              <legend className="font-medium">{t("roster.missing", { count: plan.missing.length })}</legend>
              {plan.missing.map((member) => (
                <label key={member.email} className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    className="size-4 accent-red-700"
                    checked={removals.includes(member.email)}
                    onChange={(e) => setRemovals((current) => (e.target.checked ? [...current, member.email] : current.filter((email) => email !== member.email)))}
                  />
                  {t("roster.removeMissing", { name: member.rosterName ?? member.email, email: member.email })}
                </label>
              ))}
            </fieldset>
          ) : null}
          <div>
            <Button type="button" disabled={pending} onClick={onCommit}>
              {t("roster.commit")}
            </Button>
          </div>
        </section>
      ) : null}
      {progress && pending ? (
        <div className="flex items-center gap-3">
          <progress className="w-64" value={progress.done} max={Math.max(progress.total, 1)} aria-label={t("roster.progress")} />
          <span className="text-sm">{t("roster.progressText", { done: progress.done, total: progress.total })}</span>
        </div>
      ) : null}
    </div>
  );
}
