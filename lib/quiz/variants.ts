import { createHash } from "node:crypto";
import type { TQuestion } from "./schema";

export type TVariant = Record<string, number>;

/** A small deterministic generator (mulberry32) seeded from a string. */
export function seededRandom(seed: string): () => number {
  let state = createHash("sha256").update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The seed of a question's numbers in one attempt. `salt` (the assignment, for attempts started
 * since 2026-12) keeps a practice assignment from showing the numbers, and so the key, of the same
 * student's exam attempt with the same number; attempts from before it keep their old numbers.
 */
export function variantSeed(input: { userId: string; questionUuid: string; attemptNumber: number; salt: string | null }): string {
  const base = `${input.userId}:${input.questionUuid}:${input.attemptNumber}`;
  return input.salt === null ? base : `${base}:${input.salt}`;
}

/** Draws each parameter's value; the same seed always gives the same variant. */
export function drawVariant(question: TQuestion, seed: string): TVariant {
  if (!question.parameters) return {};
  const random = seededRandom(seed);
  const variant: TVariant = {};
  for (const [name, spec] of Object.entries(question.parameters).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if ("values" in spec) {
      variant[name] = spec.values[Math.floor(random() * spec.values.length)]!;
    } else {
      const [low, high] = spec.range;
      const steps = Math.floor((high - low) / spec.step);
      variant[name] = low + spec.step * Math.floor(random() * (steps + 1));
    }
  }
  return variant;
}

/**
 * The question with every {{name}} replaced by its value. Plain substitution only: values
 * are numbers and nothing is evaluated as code (calculated questions were once a remote
 * code execution hole in Moodle).
 */
export function instantiate<T extends TQuestion>(question: T, variant: TVariant): T {
  if (Object.keys(variant).length === 0) return question;
  const substitute = (value: unknown): unknown => {
    if (typeof value === "string") return value.replace(/\{\{([A-Za-z][A-Za-z0-9]*)\}\}/g, (match, name: string) => (name in variant ? String(variant[name]) : match));
    if (Array.isArray(value)) return value.map(substitute);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "parameters" ? v : substitute(v)]));
    return value;
  };
  return substitute(question) as T;
}

/** A stable shuffle for showing items in an order that does not give the answer away. */
export function shuffled<T>(items: readonly T[], seed: string): T[] {
  const random = seededRandom(seed);
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}
