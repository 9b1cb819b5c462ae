import { expect, expectAccessible, signInViaApi, test } from "./fixtures";
import { ALL_CORRECT_PLACEMENTS, QuizPage } from "./pages/quiz-page";

test("a student reads the notes, takes the starter quiz and sees a score and feedback per question", async ({ page, student, db }) => {
  await signInViaApi(page.request, student.email, student.password);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "GenAI 2024 (demo)" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "閱讀講義" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("生成式 AI 是什麼？");
  await page.goBack();

  // Other tests may assign the same quiz again; the demo's own assignment is the one to open.
  const starter = page.getByRole("listitem").filter({ hasText: "第 1 講暖身測驗" }).filter({ hasNot: page.getByRole("listitem") });
  await starter.getByRole("link", { name: "開始作答" }).and(page.locator('[href="/assignments/demo-01-starter"]')).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("第 1 講暖身測驗：生成式 AI 是什麼？");
  await expect(page.getByTestId("assignment-rules")).toContainText("練習");
  await expectAccessible(page);
  const quiz = new QuizPage(page);
  await quiz.start("demo-01-starter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("第 1 次作答：第 1 講暖身測驗：生成式 AI 是什麼？");
  await expectAccessible(page);

  await quiz.chooseOption(1, /有結構的複雜物件/);
  await quiz.categorize(2, ALL_CORRECT_PLACEMENTS);
  await quiz.numericInput(3).fill("1e300");
  await expect(quiz.question(3).getByText("讀作：10^300")).toBeVisible();
  await quiz.expectAllSaved();
  await expect(page.getByTestId("progress")).toHaveText("已作答 3 / 3 題");
  await page.screenshot({ path: "docs/screenshots/quiz-page.png", fullPage: true });

  await quiz.submit();
  await quiz.expectResultPage();
  await expect(page.getByTestId("total-score")).toHaveText("總分 4 / 4");
  await expect(page.locator("[data-outcome=correct]")).toHaveCount(3);
  await expect(page.getByText("正確。100 個位置各有 1,000 種選擇")).toBeVisible();
  await expect(page.getByText("答案只有「是」或「不是」兩種，屬於分類。")).toBeVisible();
  await expectAccessible(page);

  const attempts = await db.attempt.findMany({ where: { userId: student.id }, include: { responses: true } });
  expect(attempts).toHaveLength(1);
  expect(attempts[0]!.responses).toHaveLength(3);
  expect(attempts[0]!.score).toBe(4);
});

test("mistakes get their own explanations, and partly right sorting earns partial credit", async ({ page, student }) => {
  await signInViaApi(page.request, student.email, student.password);
  const quiz = new QuizPage(page);
  await quiz.start("demo-01-starter");
  await quiz.chooseOption(1, /事先定好的類別/);
  await quiz.categorize(2, { ...ALL_CORRECT_PLACEMENTS, 把一段中文翻譯成英文: "分類" });
  await quiz.numericInput(3).fill("100^1000");
  await quiz.submit();
  await quiz.expectResultPage();
  await expect(page.getByTestId("total-score")).toHaveText("總分 1.67 / 4"); // points: at most two decimals, everywhere
  await expect(page.getByText("這描述的是分類。答案只是有限選項中的一個")).toBeVisible();
  await expect(page.getByText("底數和次方寫反了")).toBeVisible();
  await expect(page.locator("[data-outcome=partial]")).toHaveCount(1);
});

test("an unreadable number is pointed out before submitting, and no answer is lost", async ({ page, student, db }) => {
  await signInViaApi(page.request, student.email, student.password);
  const quiz = new QuizPage(page);
  await quiz.start("demo-01-starter");
  await quiz.chooseOption(1, /有結構的複雜物件/);
  await quiz.numericInput(3).fill("很多很多");
  await expect(quiz.question(3).getByText("看不懂這個數字。請用 10^k、1e12 這類寫法。")).toBeVisible();
  await page.getByRole("button", { name: "交卷", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("unanswered-list")).toHaveText("還有 1 題沒作答：第 2 題。沒作答的題目以 0 分計算。");
  await expect(dialog.getByTestId("unreadable-list")).toHaveText("第 3 題的數字看不懂，照現在的寫法會以答錯計算。");
  await dialog.getByRole("button", { name: "繼續作答" }).click();
  await expect(dialog).toBeHidden();

  // Both answers were saved on the server while the student worked, and come back after a reload.
  await quiz.expectAllSaved();
  await page.reload();
  await expect(quiz.question(1).getByRole("radio", { name: /有結構的複雜物件/ })).toBeChecked();
  await expect(quiz.numericInput(3)).toHaveValue("很多很多");
  const attempt = await db.attempt.findFirstOrThrow({ where: { userId: student.id }, include: { responses: true } });
  expect(attempt.status).toBe("IN_PROGRESS");
  expect(attempt.responses.map((r) => r.answer)).toContainEqual({ type: "numeric", text: "很多很多" });

  await quiz.numericInput(3).fill("10的300次方");
  await quiz.submit();
  await quiz.expectResultPage();
  expect(await db.attempt.count({ where: { userId: student.id } })).toBe(1);
});
