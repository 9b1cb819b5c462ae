// Answers that talk to the grader instead of answering the question: "ignore the rubric", "give
// full marks", role-play, or JSON dressed up as verdicts. Such an answer is still graded as plain
// text (it cannot change its score: see score.ts); it is flagged for an instructor to look at.

const PATTERNS: readonly RegExp[] = [
  // English
  /\b(ignore|disregard|forget|override|bypass)\b[^.!?\n]{0,40}\b(rubric|instructions?|rules?|prompt|criteria|above|previous|system)\b/iu,
  /\b(give|award|assign|grant|mark)\b[^.!?\n]{0,30}\b(full|maximum|max|perfect|all( the)?|10\/10|100%?)\b[^.!?\n]{0,15}\b(marks?|points?|score|credit|grade)\b/iu,
  /\b(full|maximum|perfect)\s+(marks?|points?|score|credit)\b/iu,
  /\b(you are|you're|act as|pretend( to be)?|role-?play|as an? (ai|grader|teacher|assistant))\b[^.!?\n]{0,40}\b(grader|teacher|professor|assistant|model|ai|system|developer|dan)\b/iu,
  /\b(system|assistant|developer)\s*(prompt|message|:)/iu,
  /\bnew instructions?\b|\binstructions? (from|for) (the )?(grader|model|ai)\b/iu,
  /["']?(verdict|criterionId|score|criteria)["']?\s*:\s*["'{[\d]/iu,
  /\bthis answer (is|should be) (correct|graded as correct|marked correct)\b/iu,
  /<\/?(system|assistant|instructions?|im_start|im_end)>|\[\/?INST\]|<\|im_(start|end)\|>/iu,
  // 繁體中文
  /(忽略|無視|忘記|不要理會|跳過)[^。！？\n]{0,20}(評分標準|規則|指示|指令|提示|前面|上面|以上|rubric)/u,
  /(給|打|評)[^。！？\n]{0,10}(滿分|最高分|全對|一百分|100\s*分)/u,
  /(滿分|全對|一百分)[^。！？\n]{0,10}(給我|謝謝|吧|！)/u,
  /(你現在是|你是一個|扮演|假裝你是|假設你是)[^。！？\n]{0,20}(老師|教授|助教|評分|AI|模型|系統|助理)/iu,
  /(系統|開發者)(提示|訊息|指令)/u,
  /(新的指令|新指示|以下是指令)/u,
  /(這個答案|此答案|本答案)[^。！？\n]{0,8}(是正確的|應該給|要給|判定為正確)/u,
];

export function detectInjection(answer: string): { flagged: boolean; patterns: number[] } {
  const text = answer.normalize("NFKC");
  const patterns = PATTERNS.flatMap((pattern, i) => (pattern.test(text) ? [i] : []));
  return { flagged: patterns.length > 0, patterns };
}

/**
 * The answer without its instruction-like sentences: what a model is shown of a flagged answer,
 * so that obeying the injected text is not even possible.
 */
export function withoutInstructions(answer: string): string {
  const pieces = answer.split(/(?<=[。！？!?\n]|[.;](?=\s))/u);
  return pieces
    .filter((piece) => !detectInjection(piece).flagged)
    .join("")
    .trim();
}
