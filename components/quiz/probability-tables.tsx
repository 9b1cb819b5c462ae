import { formatShare, type TProbabilityTable } from "./next-token-tables";

const th = "py-2 pr-3 text-left font-semibold";

/** The next-token tables (the model's, labelled with its name, and the illustrative ones); no hooks, so server and client pages share it */
export function ProbabilityTables({ tables, tokenHeader, shareHeader }: { tables: TProbabilityTable[]; tokenHeader: string; shareHeader: string }) {
  return tables.map((table) => (
    <table key={table.kind} className="w-full max-w-lg border-collapse text-sm" data-probabilities={table.kind}>
      <caption className="mb-1 text-left font-medium">
        {table.caption}
        {table.note ? <span className="block font-normal text-slate-700">{table.note}</span> : null}
      </caption>
      <thead>
        <tr className="border-b border-slate-400">
          <th scope="col" className={th}>{tokenHeader}</th>
          <th scope="col" className={th}>{shareHeader}</th>
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.key} className="border-b border-slate-200">
            <th scope="row" className={`py-1 pr-3 text-left ${row.chosen ? "font-semibold" : "font-normal"}`}>{row.token}</th>
            <td className="py-1">
              <span className={`inline-block h-2 align-middle ${table.kind === "illustrative" ? "bg-slate-400" : "bg-teal-700"}`} style={{ width: `${Math.round(row.share * 160)}px` }} aria-hidden="true" />{" "}
              {formatShare(row.share)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  ));
}
