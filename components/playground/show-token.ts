/** A token with its spaces and line breaks made visible (" cold" → "␣cold") */
export function showToken(token: string): string {
  return token.replace(/ /gu, "␣").replace(/\n/gu, "⏎").replace(/\t/gu, "⇥");
}
