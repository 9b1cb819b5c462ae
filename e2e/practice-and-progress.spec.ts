import { expect, expectAccessible, signInViaApi, test } from "./fixtures";
import { ALL_CORRECT_PLACEMENTS, QuizPage } from "./pages/quiz-page";

test("a missed question comes back in the review queue, and my progress shows mastery per concept", async ({ page, student, db }) => {
  await signInViaApi(page.request, student.email, student.password);
  const quiz = new QuizPage(page);
  await quiz.start("demo-01-starter");
  await quiz.chooseOption(1, /有結構的複雜物件/);
  await quiz.categorize(2, ALL_CORRECT_PLACEMENTS);
  await quiz.numericInput(3).fill("10^100");
  // The demo's practice quizzes give feedback right after each answer.
  await quiz.question(3).getByRole("button", { name: "檢查答案" }).click();
  await expect(quiz.question(3).getByText("答錯", { exact: true })).toBeVisible();
  await expect(quiz.question(3).getByTestId("instant-feedback")).not.toBeEmpty();
  await quiz.submit();
  await quiz.expectResultPage();

  await page.getByRole("link", { name: "我的進度" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的進度");
  const table = page.getByTestId("mastery-table");
  await expect(table.getByRole("row", { name: /生成式 AI：讓機器產生有結構的複雜物件/ })).toContainText("100%");
  await expect(table.getByRole("row", { name: /可能性多到無法窮舉/ })).toContainText("0%");
  await expect(table.getByRole("row", { name: /訓練與推論/ })).toContainText("還沒做過");
  await expect(page.getByRole("region", { name: "背後的作答" })).toContainText("3 / 4");
  await expectAccessible(page);
  await page.screenshot({ path: "docs/screenshots/progress.png", fullPage: true });

  await page.getByRole("link", { name: "複習", exact: true }).click();
  await expect(page.getByTestId("review-counts")).toHaveText("現在有 0 題到期，佇列裡共 1 題。");
  // A few minutes pass: the missed question is due.
  await db.reviewCard.updateMany({ where: { userId: student.id }, data: { due: new Date(Date.now() - 1000) } });
  await page.reload();
  await expect(page.getByTestId("review-counts")).toHaveText("現在有 1 題到期，佇列裡共 1 題。");
  await expectAccessible(page);
  await page.getByLabel("你的答案").fill("1e300");
  await page.getByRole("button", { name: "檢查答案" }).click();
  await expect(page.getByTestId("review-feedback")).toContainText("下次複習：");
  await expect(page.getByText("答對", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "下一題" }).click();
  await expect(page.getByTestId("review-counts")).toHaveText("現在有 0 題到期，佇列裡共 1 題。");
  const card = await db.reviewCard.findFirstOrThrow({ where: { userId: student.id } });
  expect(card.lastRatio).toBe(1);
  expect(card.due.getTime()).toBeGreaterThan(Date.now());
});
