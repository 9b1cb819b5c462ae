import { parse } from "csv-parse/sync";
import { z } from "zod";

// Reads a roster exported from a university system or a spreadsheet: columns for email,
// name, student id and section in any order, found from the header in English or Chinese.

export type TRosterRow = { line: number; email: string; name: string | null; studentNumber: string | null; section: string | null };
export type TRosterRowError = { line: number; reason: "bad_email" | "duplicate" | "too_long" | "missing_email"; value: string };
export type TParsedRoster =
  | { ok: true; rows: TRosterRow[]; errors: TRosterRowError[]; columns: TColumn[] }
  | { ok: false; problem: "empty" | "not_utf8" | "binary" | "no_email_column" | "wrong_delimiter" | "unreadable" | "too_many_rows"; detail?: string };

type TColumn = "email" | "name" | "studentNumber" | "section";

export const MAX_ROSTER_ROWS = 10_000;
const MAX_FIELD = 200;

const HEADERS: Record<TColumn, string[]> = {
  email: ["email", "e-mail", "mail", "email address", "電子郵件", "電子信箱", "信箱", "郵件"],
  name: ["name", "full name", "student name", "姓名", "名字", "學生姓名"],
  studentNumber: ["student id", "student number", "id", "sid", "學號", "學生編號"],
  section: ["section", "group", "class section", "班別", "組別", "班級", "分組"],
};

const normaliseHeader = (value: string) => value.normalize("NFKC").trim().toLowerCase().replace(/[_\s]+/g, " ");
/** Emails compare without case or surrounding spaces (full-width letters folded too). */
export const normaliseEmail = (value: string) => value.normalize("NFKC").trim().toLowerCase();

const ZEmail = z.email();

/** Decodes uploaded bytes as UTF-8 (with or without BOM); anything else is refused, not guessed. */
export function decodeRosterBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: "binary" | "not_utf8" | "empty" } {
  if (bytes.length === 0) return { ok: false, problem: "empty" };
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, problem: "binary" };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { ok: false, problem: "not_utf8" };
  }
}

function detectDelimiter(headerLine: string): string {
  const counts = [",", ";", "\t"].map((delimiter) => ({ delimiter, count: headerLine.split(delimiter).length - 1 }));
  return counts.sort((a, b) => b.count - a.count)[0]!.count > 0 ? counts[0]!.delimiter : ",";
}

export function parseRosterCsv(input: string): TParsedRoster {
  const text = input.replace(/^\uFEFF/, "");
  if (text.trim() === "") return { ok: false, problem: "empty" };
  const headerLine = text.split(/\r?\n/, 1)[0] ?? "";
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(headerLine), relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    return { ok: false, problem: "unreadable", detail: (error as Error).message.split("\n")[0] };
  }
  const header = records[0]?.map(normaliseHeader) ?? [];
  const index = Object.fromEntries(
    (Object.keys(HEADERS) as TColumn[]).map((column) => [column, header.findIndex((cell) => HEADERS[column].includes(cell))]),
  ) as Record<TColumn, number>;
  if (index.email < 0) {
    // One column whose header mentions email with another separator means a delimiter we do not read.
    if (header.length === 1 && /mail|郵件|信箱/.test(header[0] ?? "")) return { ok: false, problem: "wrong_delimiter", detail: headerLine.slice(0, 80) };
    return { ok: false, problem: "no_email_column", detail: headerLine.slice(0, 80) };
  }
  if (records.length - 1 > MAX_ROSTER_ROWS) return { ok: false, problem: "too_many_rows" };
  const rows: TRosterRow[] = [];
  const errors: TRosterRowError[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((record, i) => {
    const line = i + 2;
    const cell = (column: TColumn) => (index[column] >= 0 ? (record[index[column]] ?? "").trim() : "");
    const rawEmail = cell("email");
    if (!rawEmail) return errors.push({ line, reason: "missing_email", value: record.join(", ").slice(0, 80) });
    const fields = [rawEmail, cell("name"), cell("studentNumber"), cell("section")];
    if (fields.some((field) => field.length > MAX_FIELD)) return errors.push({ line, reason: "too_long", value: rawEmail.slice(0, 80) });
    const email = normaliseEmail(rawEmail);
    if (!ZEmail.safeParse(email).success) return errors.push({ line, reason: "bad_email", value: rawEmail });
    if (seen.has(email)) return errors.push({ line, reason: "duplicate", value: rawEmail });
    seen.set(email, line);
    rows.push({ line, email, name: cell("name") || null, studentNumber: cell("studentNumber") || null, section: cell("section") || null });
  });
  const columns = (Object.keys(index) as TColumn[]).filter((column) => index[column] >= 0);
  return { ok: true, rows, errors, columns };
}
