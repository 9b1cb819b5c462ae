import Link from "next/link";

type TProps = {
  classId: string;
  concepts: { id: string; name: string }[];
  rows: { student: { id: string; name: string }; mastery: Record<string, number> }[];
  means: Record<string, number | null>;
  labels: { student: string; classMean: string; caption: string };
  percent: (value: number) => string;
};

/** Red for little mastery, through amber, to teal for full mastery; the figure is always written in the cell. */
function tint(value: number): string {
  const hue = Math.round(10 + value * 160);
  return `hsl(${hue} 70% 88%)`;
}

/** Students × concepts as a table whose cells are coloured by mastery: the heatmap is its own accessible table. */
export function MasteryHeatmap({ classId, concepts, rows, means, labels, percent }: TProps) {
  const cell = (value: number | null | undefined) => (value === null || value === undefined ? <span className="text-slate-500">—</span> : percent(value));
  return (
    // Focusable, so that keyboard users can scroll a wide heatmap (axe: scrollable-region-focusable)
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={labels.caption}>
      <table className="border-collapse text-xs" data-testid="mastery-heatmap">
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 bg-white p-1 text-left font-semibold">{labels.student}</th>
            {concepts.map((concept) => (
              <th key={concept.id} scope="col" className="max-w-24 p-1 text-left align-bottom font-semibold">{concept.name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="border-b border-slate-400">
            <th scope="row" className="sticky left-0 bg-white p-1 text-left font-semibold">{labels.classMean}</th>
            {concepts.map((concept) => (
              <td key={concept.id} className="p-1 text-center font-semibold" style={means[concept.id] == null ? undefined : { backgroundColor: tint(means[concept.id]!) }}>{cell(means[concept.id])}</td>
            ))}
          </tr>
          {rows.map(({ student, mastery }) => (
            <tr key={student.id}>
              <th scope="row" className="sticky left-0 whitespace-nowrap bg-white p-1 text-left font-normal">
                <Link href={`/classes/${classId}/students/${student.id}`} className="text-teal-800 underline underline-offset-2">{student.name}</Link>
              </th>
              {concepts.map((concept) => (
                <td key={concept.id} className="p-1 text-center" style={mastery[concept.id] === undefined ? undefined : { backgroundColor: tint(mastery[concept.id]!) }}>{cell(mastery[concept.id])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
