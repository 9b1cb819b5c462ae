import { expect, expectAccessible, signInViaApi, test } from "./fixtures";
import { ALL_CORRECT_PLACEMENTS, QuizPage } from "./pages/quiz-page";

test("the instructor sees the demo class's attempts with a score per student", async ({ browser, page, student }) => {
  // The student submits first, in a browser context of their own.
  const studentContext = await browser.newContext();
  const studentPage = await studentContext.newPage();
  await signInViaApi(studentPage.request, student.email, student.password);
  const quiz = new QuizPage(studentPage);
  await quiz.start("demo-01-starter");
  await quiz.chooseOption(1, /有結構的複雜物件/);
  await quiz.categorize(2, ALL_CORRECT_PLACEMENTS);
  await quiz.numericInput(3).fill("10^100");
  await quiz.submit();
  await quiz.expectResultPage();
  await studentContext.close();

  await signInViaApi(page.request, "instructor@example.com", "jielong-demo");
  await page.goto("/");
  await page.getByRole("region", { name: "GenAI 2024 (demo)", exact: true }).getByRole("link", { name: "查看班級作答情形" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("GenAI 2024 (demo)：作答情形");

  const summaryRow = page.getByTestId("student-summary").getByRole("row").filter({ hasText: student.email });
  await expect(summaryRow).toContainText(student.name);
  await expect(summaryRow.locator("[data-assignment=demo-01-starter]")).toHaveText("3 / 4 （1 次）");
  const demoRow = page.getByTestId("student-summary").getByRole("row").filter({ hasText: "student3@example.com" });
  await expect(demoRow).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "docs/screenshots/instructor-view.png", fullPage: true });

  const attemptRow = page.getByTestId("attempts").getByRole("row").filter({ hasText: student.name });
  await expect(attemptRow).toContainText("3 / 4");
  await attemptRow.getByRole("link", { name: "查看" }).click();
  await expect(page.getByText(`作答者：${student.name}`)).toBeVisible();
  await expect(page.getByText("1000 = 10^3，所以 1000^100 = 10^(3×100) = 10^300")).toBeVisible();
  await expectAccessible(page);
});
