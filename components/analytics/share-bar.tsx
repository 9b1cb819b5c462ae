/** A share as a small horizontal bar next to its figure; decorative, the figure is the text. */
export function ShareBar({ share, highlight = false }: { share: number; highlight?: boolean }) {
  const width = `${Math.round(Math.max(0, Math.min(1, share)) * 100)}%`;
  return (
    <span aria-hidden="true" className="inline-block h-2 w-24 rounded bg-slate-200 align-middle">
      <span className={`block h-2 rounded ${highlight ? "bg-teal-700" : "bg-amber-600"}`} style={{ width }} />
    </span>
  );
}
