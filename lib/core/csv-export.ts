import { stringify } from "csv-stringify/sync";
import { isAppError } from "./errors";

// A cell starting with one of these is run as a formula by Excel, Sheets or LibreOffice
// (CSV injection); a leading apostrophe makes it plain text (OWASP's advice).
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function escapeSpreadsheetCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** CSV with a BOM, so spreadsheet programs open Chinese names as UTF-8. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  const safe = rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? "" : typeof cell === "number" ? String(cell) : escapeSpreadsheetCell(cell))));
  return `\uFEFF${stringify([header.map(escapeSpreadsheetCell), ...safe])}`;
}

/** A CSV download: an ASCII file name for old browsers, the translated one (RFC 6266 filename*) for the rest. */
export function csvResponse(csv: string, fileName: { ascii: string; local: string }): Response {
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName.ascii}.csv"; filename*=UTF-8''${encodeURIComponent(fileName.local)}.csv`,
      "cache-control": "no-store",
    },
  });
}

/**
 * A route handler's CSV download. Whoever the loader refuses (not signed in, not staff of the
 * class) gets 404: for them the class does not exist.
 */
export async function csvDownload(load: () => Promise<{ csv: string; fileName: { ascii: string; local: string } }>): Promise<Response> {
  try {
    const { csv, fileName } = await load();
    return csvResponse(csv, fileName);
  } catch (error) {
    if (isAppError(error)) return new Response("Not found", { status: 404 });
    throw error;
  }
}
