"use client";

import { useTranslations } from "next-intl";
import { useEffect, useReducer, useRef } from "react";
import type { TCriterionEvent } from "@/lib/grading/schema";
import type { TStreamEnd, TStreamEvent } from "@/lib/grading/stream-events";
import { TokenView, type TToken } from "./token-view";

type TStatus = "connecting" | "QUEUED" | "RUNNING" | "DONE" | "FAILED" | "unavailable";
type TState = {
  status: TStatus;
  tries: number;
  reconnecting: boolean;
  grader: string | null;
  fallback: boolean;
  replaced: string | null;
  criteria: TCriterionEvent[];
  misconceptions: { id: string; label?: string }[];
  tokens: TToken[];
  score: { score: number; maxScore: number } | null;
};
type TAction = { kind: "event"; event: TStreamEvent } | { kind: "status"; status: TStatus; tries?: number } | { kind: "end"; end: TStreamEnd } | { kind: "reconnecting" };

const INITIAL: TState = { status: "connecting", tries: 0, reconnecting: false, grader: null, fallback: false, replaced: null, criteria: [], misconceptions: [], tokens: [], score: null };

function reduce(state: TState, action: TAction): TState {
  if (action.kind === "reconnecting") return { ...state, reconnecting: true };
  if (action.kind === "status") return { ...state, status: action.status, tries: action.tries ?? state.tries, reconnecting: false };
  if (action.kind === "end") {
    return { ...state, status: action.end.status, reconnecting: false, score: action.end.score === null ? state.score : { score: action.end.score, maxScore: action.end.maxScore } };
  }
  const { event } = action;
  const next = { ...state, reconnecting: false, status: state.status === "connecting" || state.status === "QUEUED" ? ("RUNNING" as const) : state.status };
  switch (event.type) {
    case "reset":
      return { ...next, criteria: [], misconceptions: [], tokens: [], score: null };
    case "grader":
      return { ...next, grader: event.model ? `${event.name}:${event.model}` : event.name };
    case "criterion":
      return { ...next, criteria: [...next.criteria.filter((c) => c.criterionId !== event.criterionId), event] };
    case "misconception":
      return { ...next, misconceptions: [...next.misconceptions, { id: event.misconceptionId, label: event.label }] };
    case "token":
      return { ...next, tokens: [...next.tokens, { text: event.text, candidates: event.candidates }] };
    case "notice":
      if (event.code === "FEEDBACK_REPLACED") return { ...next, replaced: event.detail ?? "" };
      return event.code === "LLM_FALLBACK" ? { ...next, fallback: true } : next;
    case "score":
      return { ...next, score: { score: event.score, maxScore: event.maxScore } };
  }
}

/** Which grader is writing, as the student reads it: the lexical one is always named as such */
function graderLabel(grader: string, t: (key: string, values?: Record<string, string>) => string): string {
  if (grader === "builtin") return t("byBuiltin");
  if (grader.startsWith("semantic:")) return t("bySemantic", { model: grader.slice("semantic:".length) });
  return t("byModel", { model: grader.replace(/^openai:/u, "") });
}

const MARK: Record<string, string> = { met: "✔", partly: "△", missed: "✘" };

/**
 * One round of rubric feedback, shown as it is written: the server streams it token by token
 * (server-sent events); after a dropped connection EventSource resumes from the last event it
 * has. Everything here is the student's or the grader's text and is rendered as text.
 */
export function FeedbackStream({ roundId, onEnd, practice }: { roundId: string; onEnd?: () => void; practice: boolean }) {
  const t = useTranslations("gradingStream");
  const [state, dispatch] = useReducer(reduce, INITIAL);
  const ended = useRef(onEnd);
  useEffect(() => {
    ended.current = onEnd;
  }, [onEnd]);

  useEffect(() => {
    const source = new EventSource(`/api/feedback/${roundId}/stream`);
    source.onmessage = (message) => dispatch({ kind: "event", event: JSON.parse(message.data) as TStreamEvent });
    source.addEventListener("status", (message) => {
      const { status, tries } = JSON.parse((message as MessageEvent<string>).data) as { status: TStatus; tries: number };
      dispatch({ kind: "status", status, tries });
    });
    source.addEventListener("end", (message) => {
      dispatch({ kind: "end", end: JSON.parse((message as MessageEvent<string>).data) as TStreamEnd });
      source.close();
      ended.current?.();
    });
    source.onerror = () => {
      // EventSource reconnects by itself (sending Last-Event-ID) unless the server refused outright
      dispatch(source.readyState === EventSource.CLOSED ? { kind: "status", status: "unavailable" } : { kind: "reconnecting" });
    };
    return () => source.close();
  }, [roundId]);

  const done = state.status === "DONE";
  const statusText = state.reconnecting
    ? t("reconnecting")
    : state.status === "QUEUED" && state.tries > 0
      ? t("retrying", { tries: state.tries })
      : state.status === "FAILED" && !practice
        ? t("status_FAILED_final")
        : t(`status_${state.status}`);
  return (
    <section className="mt-3 flex flex-col gap-3 rounded-md border border-teal-800/30 bg-teal-50/40 p-3" data-testid="feedback-stream" data-status={state.status} aria-busy={!done}>
      <p role="status" className="text-sm font-medium text-teal-950">
        {statusText}
        {state.grader ? <span className="ml-2 font-normal text-slate-700" data-testid="grader-name">{graderLabel(state.grader, t)}</span> : null}
      </p>
      {state.fallback ? <p className="text-sm text-amber-900">{t("fallback")}</p> : null}
      {state.replaced !== null ? <p className="text-sm text-amber-900" data-testid="feedback-replaced">{t("feedbackReplaced", { problem: state.replaced })}</p> : null}
      {state.criteria.length > 0 ? (
        <ul className="flex flex-col gap-1" aria-label={t("criteria")}>
          {state.criteria.map((c) => (
            <li key={c.criterionId} data-verdict={c.contradicted ? "contradicted" : c.verdict} className="flex gap-2">
              <span aria-hidden>{c.contradicted ? "⚠" : MARK[c.verdict]}</span>
              <span>
                <span className="sr-only">{t(c.contradicted ? "verdict_contradicted" : `verdict_${c.verdict}`)}: </span>
                {c.label ?? c.criterionId}
                {c.evidence?.text ? <span className="ml-1 text-slate-700">「{c.evidence.text}」</span> : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="whitespace-pre-line text-slate-950" data-testid="feedback-text">
        {state.tokens.map((token) => token.text).join("")}
        {!done && state.status !== "FAILED" && state.status !== "unavailable" ? <span className="ml-0.5 inline-block animate-pulse" aria-hidden>▍</span> : null}
      </div>
      {done && state.score ? (
        <p className="font-medium" data-testid="feedback-score">
          {t(practice ? "practiceScore" : "finalScore", { score: state.score.score, max: state.score.maxScore })}
        </p>
      ) : null}
      {state.tokens.length > 0 ? <TokenView tokens={state.tokens} /> : null}
    </section>
  );
}
