import { expect, expectAccessible, signInViaApi, test } from "./fixtures";
import { waitForMail } from "./mail-catcher";
import { createClassViaForm } from "./pages/create-class";

test("a student on an imported roster signs in by emailed link for the first time and finds the class", async ({ page, browser, makeUser }) => {
  const instructor = await makeUser("老師", { canTeach: true });
  const newcomer = `newcomer-${Date.now().toString(36)}@example.edu`;
  await signInViaApi(page.request, instructor.email, instructor.password);
  await createClassViaForm(page, "連結登入班");
  await page.getByLabel("或直接貼上 CSV 內容").fill(`email,name\n${newcomer},新同學`);
  await page.getByRole("button", { name: "預覽匯入結果" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("新增 1 人（其中 1 人還沒有帳號）");
  await page.getByRole("button", { name: "確認匯入" }).click();
  await expect(page.getByTestId("pending")).toContainText(newcomer);

  const student = await browser.newContext();
  const studentPage = await student.newPage();
  await studentPage.goto("/signin");
  await studentPage.getByLabel("你的電子郵件").fill(newcomer.toUpperCase());
  await studentPage.getByRole("button", { name: "寄出登入連結" }).click();
  await expect(studentPage.getByText("登入連結已寄出")).toBeVisible();
  await expectAccessible(studentPage);

  const mail = await waitForMail(newcomer);
  const link = mail.text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/)?.[0];
  expect(link).toBeTruthy();
  await studentPage.goto(link!);
  await expect(studentPage.getByText(/已登入：/)).toBeVisible();
  await expect(studentPage.getByRole("heading", { name: "連結登入班" })).toBeVisible();

  // The link works once.
  const again = await browser.newContext();
  const againPage = await again.newPage();
  await againPage.goto(link!);
  await expect(againPage.getByText("這個登入連結無效、已經用過或已過期")).toBeVisible();
  await student.close();
  await again.close();
});
