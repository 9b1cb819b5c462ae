"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { createAssignmentAction } from "@/lib/attempt/actions";
import { localize } from "@/lib/content/localize";
import type { TLocalizedText } from "@/lib/quiz/schema";

type TQuiz = { id: string; title: TLocalizedText; questionCount: number };

/** An instructor assigns a quiz with its rules. Times are read in this browser's time zone. */
export function AssignQuizForm({ classId, quizzes }: { classId: string; quizzes: TQuiz[] }) {
  const t = useTranslations("assign");
  const te = useTranslations("errors");
  const locale = useLocale();
  const router = useRouter();
  const [quizId, setQuizId] = useState(quizzes[0]?.id ?? "");
  const [mode, setMode] = useState<"PRACTICE" | "EXAM">("PRACTICE");
  const [opensAt, setOpensAt] = useState("");
  const [closesAt, setClosesAt] = useState("");
  const [timeLimit, setTimeLimit] = useState("");
  const [attempts, setAttempts] = useState("");
  const [counted, setCounted] = useState<"BEST" | "LAST" | "FIRST">("BEST");
  const [feedback, setFeedback] = useState<"IMMEDIATE" | "AFTER_SUBMIT" | "AFTER_CLOSE">("IMMEDIATE");
  const [shuffleQuestions, setShuffleQuestions] = useState(false);
  const [shuffleOptions, setShuffleOptions] = useState(true);
  const [grace, setGrace] = useState("60");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const toIso = (value: string) => (value ? new Date(value).toISOString() : null);
  const toNumber = (value: string) => (value.trim() === "" ? null : Number(value));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    startTransition(async () => {
      try {
        const result = await createAssignmentAction(classId, {
          quizId,
          mode,
          opensAt: toIso(opensAt),
          closesAt: toIso(closesAt),
          timeLimitMinutes: toNumber(timeLimit),
          attemptsAllowed: toNumber(attempts),
          countedAttempt: counted,
          feedbackTiming: feedback,
          shuffleQuestions,
          shuffleOptions,
          graceSeconds: toNumber(grace) ?? 60,
        });
        if (result.ok) {
          setFields({});
          setMessage({ tone: "info", text: t("created") });
          router.refresh();
        } else {
          setFields(result.fields ?? {});
          setMessage({ tone: "error", text: result.fields ? t("fixFields") : te(result.code as "unexpected") });
        }
      } catch {
        setMessage({ tone: "error", text: te("network") });
      }
    });
  }

  const fieldError = (key: string) => (fields[key] ? t(`field_${fields[key]}` as "field_required") : null);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Select label={t("quiz")} value={quizId} onChange={setQuizId} error={fieldError("quizId")}>
        {quizzes.map((quiz) => (
          <option key={quiz.id} value={quiz.id}>
            {t("quizOption", { title: localize(quiz.title, locale), count: quiz.questionCount })}
          </option>
        ))}
      </Select>
      <Select
        label={t("mode")}
        value={mode}
        onChange={(value) => {
          setMode(value as "PRACTICE" | "EXAM");
          // Practice gives feedback after each answer; an exam, after submitting (either can be changed below).
          setFeedback(value === "EXAM" ? "AFTER_SUBMIT" : "IMMEDIATE");
        }}
        help={t("modeHelp")}
      >
        <option value="PRACTICE">{t("mode_PRACTICE")}</option>
        <option value="EXAM">{t("mode_EXAM")}</option>
      </Select>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("opensAt")} type="datetime-local" value={opensAt} onChange={(e) => setOpensAt(e.target.value)} help={t("opensAtHelp")} error={fieldError("opensAt")} />
        <TextField label={t("closesAt")} type="datetime-local" value={closesAt} onChange={(e) => setClosesAt(e.target.value)} help={t("closesAtHelp")} error={fieldError("closesAt")} />
        <TextField label={t("timeLimit")} type="number" min={1} max={600} inputMode="numeric" value={timeLimit} onChange={(e) => setTimeLimit(e.target.value)} help={t("timeLimitHelp")} error={fieldError("timeLimitMinutes")} />
        <TextField label={t("attempts")} type="number" min={1} max={100} inputMode="numeric" value={attempts} onChange={(e) => setAttempts(e.target.value)} help={t("attemptsHelp")} error={fieldError("attemptsAllowed")} />
        <Select label={t("counted")} value={counted} onChange={(value) => setCounted(value as "BEST")}>
          <option value="BEST">{t("counted_BEST")}</option>
          <option value="LAST">{t("counted_LAST")}</option>
          <option value="FIRST">{t("counted_FIRST")}</option>
        </Select>
        <Select label={t("feedbackWhen")} value={feedback} onChange={(value) => setFeedback(value as "AFTER_SUBMIT")} error={fieldError("feedbackTiming")}>
          <option value="IMMEDIATE">{t("feedback_IMMEDIATE")}</option>
          <option value="AFTER_SUBMIT">{t("feedback_AFTER_SUBMIT")}</option>
          <option value="AFTER_CLOSE">{t("feedback_AFTER_CLOSE")}</option>
        </Select>
        <TextField label={t("grace")} type="number" min={0} max={600} inputMode="numeric" value={grace} onChange={(e) => setGrace(e.target.value)} help={t("graceHelp")} error={fieldError("graceSeconds")} />
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" className="size-4 accent-teal-800" checked={shuffleQuestions} onChange={(e) => setShuffleQuestions(e.target.checked)} />
        {t("shuffleQuestions")}
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" className="size-4 accent-teal-800" checked={shuffleOptions} onChange={(e) => setShuffleOptions(e.target.checked)} />
        {t("shuffleOptions")}
      </label>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div>
        <Button type="submit" disabled={pending || !quizId}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}

function Select({ label, value, onChange, help, error, children }: { label: string; value: string; onChange: (value: string) => void; help?: string; error?: string | null; children: ReactNode }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-900">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={[help ? `${id}-help` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined} aria-invalid={error ? true : undefined} className="rounded-md border border-slate-500 bg-white px-3 py-2">
        {children}
      </select>
      {help ? <p id={`${id}-help`} className="text-sm text-slate-700">{help}</p> : null}
      {error ? <p id={`${id}-error`} className="text-sm font-medium text-red-800" role="alert">{error}</p> : null}
    </div>
  );
}
