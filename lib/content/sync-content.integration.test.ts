import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/core/testing/test-database";
import { loadContent } from "./load-content";
import { syncContent } from "./sync-content";

describe("syncContent", () => {
  it("is idempotent and makes a new immutable version when a question changes", async () => {
    const { db } = await createTestDatabase();
    const content = await loadContent();
    const starter = content.quizzes.find((quiz) => quiz.slug === "01-starter")!;
    const first = await syncContent(db, content);
    expect(first.newVersions).toHaveLength(content.quizzes.length);
    expect(first.newVersions).toContainEqual({ slug: "01-starter", version: 1 });
    expect((await syncContent(db, content)).newVersions).toEqual([]);
    expect(await db.quizVersion.count()).toBe(content.quizzes.length);

    const edited = structuredClone(content);
    edited.quizzes.find((quiz) => quiz.slug === "01-starter")!.data.questions[0]!.prompt.en = "Which sentence best describes generative AI?";
    expect((await syncContent(db, edited)).newVersions).toEqual([{ slug: "01-starter", version: 2 }]);

    const versions = await db.quizVersion.findMany({ where: { quizId: starter.data.uuid }, orderBy: { version: "asc" }, include: { questions: { orderBy: { position: "asc" } } } });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    // Version 1 is untouched: attempts taken on it still read the old wording.
    expect((versions[0]!.questions[0]!.definition as { prompt: { en: string } }).prompt.en).toBe(starter.data.questions[0]!.prompt.en);
    expect((versions[1]!.questions[0]!.definition as { prompt: { en: string } }).prompt.en).toBe("Which sentence best describes generative AI?");
    expect(versions[1]!.questions.map((q) => q.questionUuid)).toEqual(versions[0]!.questions.map((q) => q.questionUuid));
  });
});
