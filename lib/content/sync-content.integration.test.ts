import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/core/testing/test-database";
import { loadContent } from "./load-content";
import { syncContent } from "./sync-content";

describe("syncContent", () => {
  it("is idempotent and makes a new immutable version when a question changes", async () => {
    const { db } = await createTestDatabase();
    const content = await loadContent();
    const first = await syncContent(db, content);
    expect(first.newVersions).toEqual([{ slug: "01-starter", version: 1 }]);
    expect((await syncContent(db, content)).newVersions).toEqual([]);
    expect(await db.quizVersion.count()).toBe(1);

    const edited = structuredClone(content);
    edited.quizzes[0]!.data.questions[0]!.prompt.en = "Which sentence best describes generative AI?";
    expect((await syncContent(db, edited)).newVersions).toEqual([{ slug: "01-starter", version: 2 }]);

    const versions = await db.quizVersion.findMany({ orderBy: { version: "asc" }, include: { questions: { orderBy: { position: "asc" } } } });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    // Version 1 is untouched: attempts taken on it still read the old wording.
    expect((versions[0]!.questions[0]!.definition as { prompt: { en: string } }).prompt.en).toBe(content.quizzes[0]!.data.questions[0]!.prompt.en);
    expect((versions[1]!.questions[0]!.definition as { prompt: { en: string } }).prompt.en).toBe("Which sentence best describes generative AI?");
    expect(versions[1]!.questions.map((q) => q.questionUuid)).toEqual(versions[0]!.questions.map((q) => q.questionUuid));
  });
});
