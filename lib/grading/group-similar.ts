import type { TCriterionEvent } from "./schema";

// Answers to the same question that the grader judged alike: the same verdict on every criterion,
// the same mistaken ideas and the same score. A reviewer reads them side by side and can accept
// the whole group with one reason (each still gets its own audit entry).

type TEntry = { responseId: string; questionUuid: string; score: number | null; criteria: Pick<TCriterionEvent, "criterionId" | "verdict" | "contradicted">[]; misconceptions: string[] };

export function similarityKey(entry: TEntry): string {
  const verdicts = [...entry.criteria].sort((a, b) => (a.criterionId < b.criterionId ? -1 : 1)).map((c) => `${c.criterionId}:${c.verdict}${c.contradicted ? "!" : ""}`);
  return [entry.questionUuid, entry.score ?? "none", verdicts.join(","), [...entry.misconceptions].sort().join(",")].join("|");
}

/** Groups of alike answers, largest first; answers in a group keep their order. */
export function groupSimilar<E extends TEntry>(entries: E[]): { key: string; entries: E[] }[] {
  const groups = new Map<string, E[]>();
  for (const entry of entries) {
    const key = similarityKey(entry);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups].map(([key, members]) => ({ key, entries: members })).sort((a, b) => b.entries.length - a.entries.length);
}
