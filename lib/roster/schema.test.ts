import { describe, expect, it } from "vitest";
import { parseSections, ZClassFields } from "./schema";

describe("class sections", () => {
  it("splits on commas, 、 and new lines, trims, folds full-width characters and drops repeats", () => {
    expect(parseSections("01, 02、０３\n01 ;;")).toEqual(["01", "02", "03"]);
    expect(parseSections("  ")).toEqual([]);
  });

  it("reports a section that is too long, or too many sections, against the sections field", () => {
    const long = ZClassFields.safeParse({ name: "GenAI", term: "", sections: `A, ${"x".repeat(41)}` });
    expect(long.success ? null : long.error.issues.map((issue) => [issue.path[0], issue.message])).toEqual([["sections", "section_too_long"]]);
    const many = ZClassFields.safeParse({ name: "GenAI", term: "", sections: Array.from({ length: 51 }, (_, i) => `S${i}`).join(",") });
    expect(many.success ? null : many.error.issues[0]?.message).toBe("too_many_sections");
    expect(ZClassFields.parse({ name: "GenAI", term: "" }).sections).toEqual([]);
  });
});
