/** Folds full/half width, case and spacing, and drops end punctuation, before comparing. */
export function normaliseText(input: string): string {
  return input
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, "")
    .replace(/\s+/gu, "");
}
