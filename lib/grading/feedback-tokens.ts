// Splits feedback into the tokens it is streamed in: words (Chinese words by Intl.Segmenter), each
// carrying the spaces and punctuation that follow it.

const segmenter = new Intl.Segmenter("zh-TW", { granularity: "word" });

export function splitIntoTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (!isWordLike && tokens.length > 0) tokens[tokens.length - 1] += segment;
    else tokens.push(segment);
  }
  return tokens;
}
