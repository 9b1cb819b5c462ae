import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { escapeSpreadsheetCell, toCsv } from "./csv-export";

describe("CSV export", () => {
  it.each(["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "\t=1", "＝1"])("turns %s into text", (value) => {
    expect(escapeSpreadsheetCell(value)).toBe(`'${value}`);
  });

  it("leaves ordinary names alone and round-trips through a CSV reader", () => {
    const csv = toCsv(["email", "name"], [["a@example.com", "王小明"], ["b@example.com", "=cmd|' /C calc'!A0"], ["c@example.com", null]]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(parse(csv, { bom: true })).toEqual([
      ["email", "name"],
      ["a@example.com", "王小明"],
      ["b@example.com", "'=cmd|' /C calc'!A0"],
      ["c@example.com", ""],
    ]);
  });
});
