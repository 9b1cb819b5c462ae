"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { STEPS_MAX, TEMPERATURE_MAX, ZPlaygroundRequest, type TPlaygroundLine, type TPlaygroundStep } from "@/lib/playground/schema";

import { CandidatesTable } from "./candidates-table";
import { readNdjson } from "./read-ndjson";
import { showToken } from "./show-token";

type TStatus = "idle" | "running" | "done" | "stopped" | "failed";
type TRun = { prefix: string; steps: TPlaygroundStep[]; temperature: number; seed: number | null };

/** The word chain, live: the model continues the student's text token by token, with its candidates. */
export function WordChainPlayground({ defaultPrefix }: { defaultPrefix: string }) {
  const t = useTranslations();
  const ids = useId();
  // Until the student types, the beginning follows the interface language
  const [typed, setTyped] = useState<string | null>(null);
  const prefix = typed ?? defaultPrefix;
  const [temperature, setTemperature] = useState(0);
  const [stepCount, setStepCount] = useState(12);
  const [status, setStatus] = useState<TStatus>("idle");
  const [run, setRun] = useState<TRun | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  function prefixProblem(value: string): string | null {
    const parsed = ZPlaygroundRequest.shape.prefix.safeParse(value);
    if (parsed.success) return null;
    const issue = parsed.error.issues[0];
    if (issue?.code === "too_small" || value.trim() === "") return t("playground.prefixEmpty");
    if (issue?.code === "too_big") return t("playground.prefixTooLong");
    return t("playground.prefixInvalid");
  }

  async function start(event: FormEvent) {
    event.preventDefault();
    const problem = prefixProblem(prefix);
    setFieldError(problem);
    if (problem) return;
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setSelected(null);
    setStatus("running");
    setRun({ prefix, steps: [], temperature, seed: null });
    try {
      const response = await fetch("/api/playground", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ prefix, temperature, steps: stepCount }),
        signal: controller.signal,
      });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { code?: string } | null;
        setError(body?.code && t.has(`errors.${body.code}`) ? t(`errors.${body.code}`) : t("playground.unexpected"));
        setStatus("failed");
        return;
      }
      let ended = false;
      for await (const line of readNdjson<TPlaygroundLine>(response.body)) {
        if (line.type === "start") setRun((r) => r && { ...r, seed: line.seed, temperature: line.temperature });
        else if (line.type === "step") setRun((r) => r && { ...r, steps: [...r.steps, line] });
        else if (line.type === "end") ended = true;
        else if (line.type === "error") setError(t(`playground.${line.code}`));
      }
      setStatus(ended ? "done" : "failed");
    } catch {
      if (controller.signal.aborted) setStatus("stopped");
      else {
        setError(t("errors.network"));
        setStatus("failed");
      }
    } finally {
      abort.current = null;
    }
  }

  const running = status === "running";
  const shown = run && run.steps.length > 0 ? run.steps[selected ?? run.steps.length - 1] : null;
  const generated = run?.steps.map((s) => s.text).join("") ?? "";

  return (
    <div className="flex flex-col gap-4">
      <form className="flex flex-col gap-4" onSubmit={start} noValidate>
        <TextField
          label={t("playground.prefixLabel")}
          help={t("playground.prefixHelp")}
          error={fieldError}
          value={prefix}
          maxLength={200}
          onChange={(e) => {
            setTyped(e.target.value);
            setFieldError(null);
          }}
          name="prefix"
          autoComplete="off"
        />
        <div className="flex flex-col gap-4 sm:flex-row sm:items-end">
          <div className="flex flex-1 flex-col gap-1">
            <label htmlFor={`${ids}-temperature`} className="text-sm font-medium text-slate-900">
              {t("playground.temperatureLabel", { value: temperature.toFixed(1) })}
            </label>
            <input
              id={`${ids}-temperature`}
              type="range"
              min={0}
              max={TEMPERATURE_MAX}
              step={0.1}
              value={temperature}
              onChange={(e) => setTemperature(Number(e.target.value))}
              aria-describedby={`${ids}-temperature-help`}
              aria-valuetext={temperature.toFixed(1)}
              className="h-8 w-full accent-teal-800"
            />
            <p id={`${ids}-temperature-help`} className="text-sm text-slate-700">
              {t("playground.temperatureHelp")}
            </p>
          </div>
          <div className="flex flex-col gap-1 sm:w-48">
            <label htmlFor={`${ids}-steps`} className="text-sm font-medium text-slate-900">
              {t("playground.stepsLabel")}
            </label>
            <input
              id={`${ids}-steps`}
              type="number"
              min={1}
              max={STEPS_MAX}
              value={stepCount}
              onChange={(e) => setStepCount(Math.min(STEPS_MAX, Math.max(1, Math.round(Number(e.target.value) || 1))))}
              className="rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 focus-visible:outline focus-visible:outline-3 focus-visible:outline-offset-1 focus-visible:outline-amber-500"
            />
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={running}>
            {t("playground.start")}
          </Button>
          {running ? (
            <Button type="button" variant="secondary" onClick={() => abort.current?.abort()}>
              {t("playground.stop")}
            </Button>
          ) : null}
        </div>
      </form>

      <div role="status" className="text-sm text-slate-800" data-testid="playground-status" data-status={status}>
        {running ? (
          <>
            {t("playground.generating")} {run?.steps.length === 0 ? t("playground.firstLoad") : null}
          </>
        ) : status === "done" ? (
          t("playground.done", { count: run?.steps.length ?? 0 })
        ) : status === "stopped" ? (
          t("playground.stopped", { count: run?.steps.length ?? 0 })
        ) : null}
      </div>
      {error ? <Alert>{error}</Alert> : null}

      {run ? (
        <section aria-labelledby={`${ids}-output`} className="flex flex-col gap-3">
          <h3 id={`${ids}-output`} className="font-semibold">
            {t("playground.outputLabel")}
          </h3>
          <p className="rounded-md border border-slate-300 bg-slate-50 p-3 text-lg break-words whitespace-pre-wrap" data-testid="playground-output">
            <span className="text-slate-700">{run.prefix}</span>
            <span aria-live="polite" className="font-semibold text-teal-900">
              {generated}
            </span>
          </p>
          {run.seed !== null ? <p className="text-xs text-slate-700">{t("playground.runInfo", { temperature: run.temperature.toFixed(1), seed: run.seed })}</p> : null}
          {run.steps.length > 0 ? (
            <ol className="flex flex-wrap gap-1" aria-label={t("playground.stepsList")} data-testid="playground-steps">
              {run.steps.map((step) => (
                <li key={step.index}>
                  <button
                    type="button"
                    aria-pressed={shown?.index === step.index}
                    aria-label={t("playground.stepButton", { step: step.index + 1, token: showToken(step.text) })}
                    onClick={() => setSelected(step.index)}
                    className={`min-h-8 rounded border px-1.5 font-mono whitespace-pre focus-visible:outline focus-visible:outline-3 focus-visible:outline-amber-500 ${shown?.index === step.index ? "border-teal-800 bg-teal-100" : step.rank === 0 ? "border-slate-300 bg-white" : "border-amber-600 bg-amber-50"}`}
                  >
                    {showToken(step.text)}
                  </button>
                </li>
              ))}
            </ol>
          ) : null}
          {shown ? <CandidatesTable step={shown} /> : null}
        </section>
      ) : null}
    </div>
  );
}
