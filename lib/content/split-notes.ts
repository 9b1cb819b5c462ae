/** Splits lecture notes at their '## ' headings; section i of the metadata is part i. */
export function splitNotes(markdown: string): { heading: string; body: string }[] {
  const parts: { heading: string; body: string }[] = [];
  for (const line of markdown.split("\n")) {
    if (line.startsWith("## ")) parts.push({ heading: line.slice(3).trim(), body: "" });
    else if (parts.length > 0) parts[parts.length - 1]!.body += `${line}\n`;
  }
  return parts;
}
