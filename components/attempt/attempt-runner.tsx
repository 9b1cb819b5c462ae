"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { OpenFeedback } from "@/components/grading/open-feedback";
import { InstantFeedback } from "@/components/quiz/instant-feedback";
import { QuestionInput, isAnswered } from "@/components/quiz/question-input";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { OUTCOME_TONE } from "@/components/quiz/outcome-tone";
import { localize } from "@/lib/content/localize";
import { postJson } from "@/lib/core/post-json";
import type { TGradeResult } from "@/lib/quiz/grade-question";
import { parseNumber } from "@/lib/quiz/parse-number";
import type { TPublicQuestion } from "@/lib/quiz/public-question";
import type { TAnswer } from "@/lib/quiz/schema";
import { clearOutbox, readOutbox, writeOutbox, type TPendingAnswer } from "./answer-outbox";
import { Countdown } from "./countdown";
import { SubmitDialog } from "./submit-dialog";

type TProps = {
  attemptId: string;
  questions: TPublicQuestion[];
  saved: Record<string, TPendingAnswer>;
  flagged: string[];
  deadlineAt: string | null;
  serverNow: number;
  /** Feedback right after each answer: every question gets a "check" button. */
  checkable: boolean;
  /** Feedback rounds already asked for on open answers, per question, oldest first */
  rounds: Record<string, string[]>;
};


type TSaveState = { kind: "saved"; at: Date | null } | { kind: "saving" } | { kind: "offline"; count: number } | { kind: "signed_out"; count: number } | { kind: "closed"; code: string };

const DEBOUNCE_MS = 700;
const RETRY_MS = 3000;

/**
 * Taking an attempt. Every change is written to this browser's IndexedDB at once, then sent to
 * the server (debounced); it counts as saved only when the server acknowledges it. Unsent
 * answers are replayed in order when the connection returns and travel with the submission.
 */
export function AttemptRunner({ attemptId, questions, saved, flagged: initialFlags, deadlineAt, serverNow, checkable, rounds: initialRounds }: TProps) {
  const t = useTranslations("attempt");
  const tq = useTranslations("quiz");
  const te = useTranslations("errors");
  const tg = useTranslations("gradingStream");
  const locale = useLocale();
  const router = useRouter();
  const [answers, setAnswers] = useState<Record<string, TAnswer>>(() => Object.fromEntries(Object.entries(saved).map(([id, entry]) => [id, entry.answer])));
  const [flags, setFlags] = useState<Set<string>>(() => new Set(initialFlags));
  const [state, setState] = useState<TSaveState>({ kind: "saved", at: null });
  const [loaded, setLoaded] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [storageWarning, setStorageWarning] = useState(false);
  const [rejected, setRejected] = useState<Record<string, string>>({});
  const [checks, setChecks] = useState<Record<string, TGradeResult | "checking" | "failed">>({});
  const [rounds, setRounds] = useState(initialRounds);
  const [asking, setAsking] = useState<Record<string, string | "asking">>({});
  const pending = useRef<Record<string, TPendingAnswer>>({});
  const lastSeq = useRef(Math.max(0, ...Object.values(saved).map((entry) => entry.seq)));
  const flushing = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopped = useRef(false);

  const persist = useCallback(() => writeOutbox(attemptId, { pending: { ...pending.current }, lastSeq: lastSeq.current }), [attemptId]);

  const flush = useCallback(async () => {
    if (stopped.current) return;
    if (flushing.current) {
      again.current = true;
      return;
    }
    flushing.current = true;
    try {
      do {
        again.current = false;
        const queue = Object.entries(pending.current).sort(([, a], [, b]) => a.seq - b.seq);
        for (const [questionId, entry] of queue) {
          let reply: Awaited<ReturnType<typeof postJson<{ seq: number }>>>;
          try {
            reply = await postJson<{ seq: number }>(`/api/attempts/${attemptId}/answers`, { questionId, answer: entry.answer, seq: entry.seq });
          } catch {
            setState({ kind: "offline", count: Object.keys(pending.current).length });
            schedule(RETRY_MS);
            return;
          }
          const { status, body } = reply;
          if (status === 200 && body?.ok) {
            // Acknowledged: drop it unless the student changed this answer again meanwhile.
            if (pending.current[questionId] && pending.current[questionId].seq <= (body.seq ?? entry.seq)) delete pending.current[questionId];
            persist();
            continue;
          }
          const code = body?.code ?? "unexpected";
          if (status === 401) {
            setState({ kind: "signed_out", count: Object.keys(pending.current).length });
            return;
          }
          if (code === "TIME_UP" || code === "ATTEMPT_SUBMITTED") {
            stopped.current = true;
            setState({ kind: "closed", code });
            router.refresh();
            return;
          }
          if (status >= 500 || !body) {
            setState({ kind: "offline", count: Object.keys(pending.current).length });
            schedule(RETRY_MS);
            return;
          }
          // Refused for good (too large, not part of the attempt): the server keeps the answer it
          // had; say so at the question, and go on with the others.
          delete pending.current[questionId];
          persist();
          setRejected((current) => ({ ...current, [questionId]: code }));
        }
      } while (again.current);
      setState(Object.keys(pending.current).length ? { kind: "saving" } : { kind: "saved", at: new Date() });
    } finally {
      flushing.current = false;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- schedule is stable through refs
  }, [attemptId, persist, router]);

  const schedule = useCallback(
    (delay: number) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delay);
    },
    [flush],
  );

  // On load: answers this device holds that are newer than the server's copy win, and are resent.
  // This must run after hydration (the server cannot see the device's storage), so it sets state.
  /* eslint-disable react-hooks/set-state-in-effect */
  useEffect(() => {
    const record = readOutbox(attemptId);
    if (record) {
      lastSeq.current = Math.max(lastSeq.current, record.lastSeq);
      const newer = Object.entries(record.pending).filter(([id, entry]) => entry.seq > (saved[id]?.seq ?? 0));
      for (const [id, entry] of newer) pending.current[id] = entry;
      if (newer.length) {
        setAnswers((current) => ({ ...current, ...Object.fromEntries(newer.map(([id, entry]) => [id, entry.answer])) }));
        setState({ kind: "saving" });
        void flush();
      }
    }
    setLoaded(true);
    const online = () => void flush();
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [attemptId, flush, saved]);
  /* eslint-enable react-hooks/set-state-in-effect */

  // Leaving with unsent answers: the browser asks first (they stay on this device either way).
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (Object.keys(pending.current).length && !submitting) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [submitting]);

  function setAnswer(questionId: string, answer: TAnswer) {
    if (stopped.current) return;
    lastSeq.current += 1;
    pending.current[questionId] = { answer, seq: lastSeq.current };
    setAnswers((current) => ({ ...current, [questionId]: answer }));
    setChecks((current) => Object.fromEntries(Object.entries(current).filter(([id]) => id !== questionId)));
    setRejected((current) => Object.fromEntries(Object.entries(current).filter(([id]) => id !== questionId)));
    setState((current) => (current.kind === "offline" || current.kind === "signed_out" ? { ...current, count: Object.keys(pending.current).length } : { kind: "saving" }));
    if (!persist()) setStorageWarning(true);
    schedule(DEBOUNCE_MS);
  }

  /** Puts the answer in the outbox with the next sequence number, for a request that also saves it. */
  function takeForServer(questionId: string): { answer: TAnswer; seq: number } | null {
    const answer = answers[questionId];
    if (!answer || stopped.current) return null;
    lastSeq.current += 1;
    pending.current[questionId] = { answer, seq: lastSeq.current };
    persist();
    return { answer, seq: lastSeq.current };
  }

  /** The server holds this answer (or a newer one): it leaves the outbox. */
  function acknowledged(questionId: string, seq: number) {
    if (pending.current[questionId] && pending.current[questionId].seq <= seq) delete pending.current[questionId];
    persist();
    if (Object.keys(pending.current).length === 0) setState({ kind: "saved", at: new Date() });
  }

  /** Saves this answer and shows its feedback (assignments with feedback after each answer). */
  async function checkNow(questionId: string) {
    const taken = takeForServer(questionId);
    if (!taken) return;
    const { answer, seq } = taken;
    setChecks((current) => ({ ...current, [questionId]: "checking" }));
    try {
      const { body } = await postJson<{ seq: number; result: TGradeResult }>(`/api/attempts/${attemptId}/check`, { questionId, answer, seq });
      if (!body?.ok || !body.result) throw new Error("refused");
      setChecks((current) => ({ ...current, [questionId]: body.result! }));
      acknowledged(questionId, body.seq ?? seq);
    } catch {
      setChecks((current) => ({ ...current, [questionId]: "failed" }));
      schedule(RETRY_MS);
    }
  }

  /** Saves an open answer and starts a round of rubric feedback on it; the round streams below it. */
  async function askFeedback(questionId: string) {
    const taken = takeForServer(questionId);
    if (!taken) return;
    const { answer, seq } = taken;
    setAsking((current) => ({ ...current, [questionId]: "asking" }));
    try {
      const { body } = await postJson<{ seq: number; roundId: string }>(`/api/attempts/${attemptId}/feedback`, { questionId, answer, seq });
      if (!body?.ok || !body.roundId) {
        setAsking((current) => ({ ...current, [questionId]: te((body?.code ?? "unexpected") as "unexpected") }));
        schedule(DEBOUNCE_MS); // the answer itself still goes out with the next autosave
        return;
      }
      const roundId = body.roundId;
      setRounds((current) => {
        const list = current[questionId] ?? [];
        return list.includes(roundId) ? current : { ...current, [questionId]: [...list, roundId] };
      });
      setAsking((current) => Object.fromEntries(Object.entries(current).filter(([id]) => id !== questionId)));
      acknowledged(questionId, body.seq ?? seq);
    } catch {
      setAsking((current) => ({ ...current, [questionId]: tg("askFailed") }));
      schedule(RETRY_MS);
    }
  }

  async function toggleFlag(questionId: string) {
    const flagged = !flags.has(questionId);
    setFlags((current) => {
      const next = new Set(current);
      if (flagged) next.add(questionId);
      else next.delete(questionId);
      return next;
    });
    // A flag that does not reach the server stays on this page; it is a reminder, not an answer.
    await postJson(`/api/attempts/${attemptId}/flags`, { questionId, flagged }).catch(() => undefined);
  }

  const submit = useCallback(async () => {
    if (submitting) return;
    setSubmitting(true);
    setSubmitError(null);
    if (timer.current) clearTimeout(timer.current);
    const unsent = Object.entries(pending.current).map(([questionId, entry]) => ({ questionId, answer: entry.answer, seq: entry.seq }));
    try {
      const { status, body } = await postJson(`/api/attempts/${attemptId}/submit`, { answers: unsent });
      if (status !== 200 || !body?.ok) {
        setSubmitError(status === 401 ? te("UNAUTHENTICATED") : te((body?.code ?? "unexpected") as "unexpected"));
        setSubmitting(false);
        return;
      }
      stopped.current = true;
      pending.current = {};
      clearOutbox(attemptId);
      router.refresh();
    } catch {
      setSubmitError(t("submitOffline"));
      setSubmitting(false);
    }
  }, [attemptId, router, submitting, t, te]);

  const answeredCount = questions.filter((question) => isAnswered(question, answers[question.id])).length;
  const closed = state.kind === "closed" ? state.code : null;

  return (
    <div className="flex flex-col gap-6 lg:flex-row-reverse lg:items-start">
      <aside className="flex flex-col gap-3 lg:sticky lg:top-4 lg:w-64" aria-label={t("overview")}>
        <Card>
          {deadlineAt ? <Countdown deadlineAt={deadlineAt} serverNow={serverNow} onExpired={() => void submit()} /> : null}
          <p className="font-medium" data-testid="progress">
            {t("progress", { answered: answeredCount, total: questions.length })}
          </p>
          <progress className="mt-1 h-2 w-full accent-teal-800" max={questions.length} value={answeredCount} aria-hidden="true" />
          <nav aria-label={t("questionNav")} className="mt-3">
            <ol className="grid grid-cols-5 gap-1">
              {questions.map((question, index) => {
                const answered = isAnswered(question, answers[question.id]);
                const flagged = flags.has(question.id);
                return (
                  <li key={question.id}>
                    <a
                      href={`#q-${index + 1}`}
                      className={`flex h-9 items-center justify-center rounded border text-sm ${answered ? "border-teal-800 bg-teal-800 text-white" : "border-slate-500 bg-white text-slate-900"} ${flagged ? "ring-2 ring-amber-600 ring-offset-1" : ""}`}
                      aria-label={t("navItem", { number: index + 1, state: answered ? t("answered") : t("notAnswered"), flagged: flagged ? t("flaggedSuffix") : "" })}
                    >
                      {index + 1}
                      {flagged ? "⚑" : ""}
                    </a>
                  </li>
                );
              })}
            </ol>
          </nav>
          <SaveStatus state={state} loaded={loaded} />
        </Card>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col gap-6">
        {closed ? <Alert>{te(closed as "unexpected")}</Alert> : null}
        {storageWarning ? <Alert>{t("noDeviceStorage")}</Alert> : null}
        {questions.map((question, index) => (
          <Card key={question.id} id={`q-${index + 1}`} aria-labelledby={`${question.id}-title`} data-question-type={question.type} className="scroll-mt-4">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h2 id={`${question.id}-title`} className="text-sm font-semibold uppercase tracking-wide text-teal-900">
                {tq("questionNumber", { number: index + 1 })} · {tq("points", { points: question.points })}
              </h2>
              <button
                type="button"
                className="rounded border border-slate-500 px-2 py-1 text-sm"
                aria-pressed={flags.has(question.id)}
                onClick={() => void toggleFlag(question.id)}
              >
                {flags.has(question.id) ? `⚑ ${t("flagged")}` : t("flag")}
              </button>
            </div>
            <p className="mt-2 whitespace-pre-line text-lg font-medium text-slate-950" id={`${question.id}-prompt`}>
              {localize(question.prompt, locale)}
            </p>
            {question.hint ? (
              <details className="mt-2 text-slate-800">
                <summary className="cursor-pointer text-sm font-medium text-teal-900">{tq("hint")}</summary>
                <p className="mt-1">{localize(question.hint, locale)}</p>
              </details>
            ) : null}
            <fieldset className="mt-4" disabled={Boolean(closed) || submitting}>
              <QuestionInput question={question} answer={answers[question.id]} onChange={(answer) => setAnswer(question.id, answer)} />
            </fieldset>
            {rejected[question.id] ? (
              <div className="mt-3" data-testid="answer-refused">
                <Alert>{te(rejected[question.id] as "unexpected")}</Alert>
              </div>
            ) : null}
            {checkable && question.type === "open" ? (
              <OpenFeedback
                rounds={rounds[question.id] ?? []}
                asking={asking[question.id] === "asking"}
                error={asking[question.id] && asking[question.id] !== "asking" ? asking[question.id]! : null}
                disabled={!isAnswered(question, answers[question.id]) || Boolean(closed)}
                onAsk={() => void askFeedback(question.id)}
              />
            ) : checkable ? (
              <CheckResult check={checks[question.id]} disabled={!isAnswered(question, answers[question.id]) || Boolean(closed)} onCheck={() => void checkNow(question.id)} />
            ) : null}
          </Card>
        ))}
        {submitError ? <Alert>{submitError}</Alert> : null}
        <div>
          <Button type="button" disabled={submitting} onClick={() => setConfirming(true)}>
            {submitting ? t("submitting") : t("submit")}
          </Button>
        </div>
        <SubmitDialog
          open={confirming}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void submit();
          }}
          unanswered={questions.flatMap((question, index) => (isAnswered(question, answers[question.id]) ? [] : [index + 1]))}
          flagged={questions.flatMap((question, index) => (flags.has(question.id) ? [index + 1] : []))}
          unreadable={questions.flatMap((question, index) => {
            const answer = answers[question.id];
            if (answer?.type !== "numeric" || !answer.text.trim()) return [];
            return parseNumber(answer.text).ok ? [] : [index + 1];
          })}
        />
      </div>
    </div>
  );
}

function CheckResult({ check, disabled, onCheck }: { check: TGradeResult | "checking" | "failed" | undefined; disabled: boolean; onCheck: () => void }) {
  const t = useTranslations();
  const result = typeof check === "object" ? check : null;
  return (
    <div className="mt-3 flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" disabled={disabled || check === "checking"} onClick={onCheck}>
          {t("attempt.check")}
        </Button>
        {result ? <Badge tone={OUTCOME_TONE[result.outcome]}>{t(`result.outcome_${result.outcome}`)}</Badge> : null}
      </div>
      {check === "failed" ? <p className="text-sm text-amber-900">{t("attempt.checkFailed")}</p> : null}
      {result ? (
        <InstantFeedback result={result} testId="instant-feedback" />
      ) : null}
    </div>
  );
}

function SaveStatus({ state, loaded }: { state: TSaveState; loaded: boolean }) {
  const t = useTranslations("attempt");
  const locale = useLocale();
  let text: string;
  let tone = "text-slate-800";
  switch (state.kind) {
    case "saving":
      text = t("saving");
      break;
    case "saved":
      text = state.at ? t("savedAt", { time: state.at.toLocaleTimeString(locale) }) : t("allSaved");
      break;
    case "offline":
      text = t("offline", { count: state.count });
      tone = "text-amber-900";
      break;
    case "signed_out":
      text = t("signedOut", { count: state.count });
      tone = "text-amber-900";
      break;
    case "closed":
      text = t("notSaving");
      tone = "text-red-800";
      break;
  }
  return (
    <p role="status" className={`mt-3 text-sm ${tone}`} data-testid="save-status" data-state={loaded ? state.kind : "loading"}>
      {text}
    </p>
  );
}
