import { describe, expect, it } from "vitest";
import { decodeRosterBytes, parseRosterCsv } from "./parse-roster-csv";

describe("parseRosterCsv", () => {
  it("finds the columns from the header in any order, in English or Chinese", () => {
    const result = parseRosterCsv("學號,姓名,電子郵件,班別\nB12345678,王小明,Ming@NTU.edu.tw ,A\n");
    expect(result).toMatchObject({ ok: true, rows: [{ line: 2, email: "ming@ntu.edu.tw", name: "王小明", studentNumber: "B12345678", section: "A" }] });
  });

  it("keeps Chinese names intact and strips a UTF-8 BOM", () => {
    const result = parseRosterCsv("\uFEFFEmail,Name\nlin@example.com,林怡君\n");
    expect(result.ok && result.rows[0]?.name).toBe("林怡君");
  });

  it("reads semicolon- and tab-separated files too", () => {
    expect(parseRosterCsv("email;name\na@example.com;A\n")).toMatchObject({ ok: true, rows: [{ email: "a@example.com" }] });
    expect(parseRosterCsv("name\temail\nB\tb@example.com\n")).toMatchObject({ ok: true, rows: [{ email: "b@example.com", name: "B" }] });
  });

  it("reports bad emails, duplicates differing only in case or spaces, and over-long fields, with their lines", () => {
    const result = parseRosterCsv(`email,name\na@example.com,A\n not-an-email ,B\n A@Example.com ,C\nc@example.com,${"x".repeat(300)}\n,D\n`);
    expect(result.ok && result.rows.map((row) => row.email)).toEqual(["a@example.com"]);
    expect(result.ok && result.errors.map((error) => [error.line, error.reason])).toEqual([
      [3, "bad_email"],
      [4, "duplicate"],
      [5, "too_long"],
      [6, "missing_email"],
    ]);
  });

  it("refuses files it cannot read, saying why", () => {
    expect(parseRosterCsv("")).toEqual({ ok: false, problem: "empty" });
    expect(parseRosterCsv("name,student id\nA,1\n")).toMatchObject({ ok: false, problem: "no_email_column" });
    expect(parseRosterCsv("email|name\na@example.com|A\n")).toMatchObject({ ok: false, problem: "wrong_delimiter" });
  });
});

describe("decodeRosterBytes", () => {
  it("accepts UTF-8 with or without BOM and refuses Big5 and binary files", () => {
    expect(decodeRosterBytes(new TextEncoder().encode("email\n王@example.com"))).toMatchObject({ ok: true });
    expect(decodeRosterBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x65]))).toEqual({ ok: true, text: "e" });
    // "王小明" in Big5
    expect(decodeRosterBytes(new Uint8Array([0xa4, 0xfd, 0xa4, 0x70, 0xa9, 0xfa]))).toEqual({ ok: false, problem: "not_utf8" });
    expect(decodeRosterBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]))).toEqual({ ok: false, problem: "binary" });
    expect(decodeRosterBytes(new Uint8Array([]))).toEqual({ ok: false, problem: "empty" });
  });
});
