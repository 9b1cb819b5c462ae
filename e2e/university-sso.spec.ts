import { expect, expectAccessible, test } from "./fixtures";

test("a student signs in with the university's single sign-on (OpenID Connect) and keeps the roster's class", async ({ page, db }) => {
  const email = `sso-${Date.now().toString(36)}@example.edu`;
  // The roster already lists this email; the first SSO sign-in creates the account and joins the class.
  await db.pendingEnrollment.create({ data: { classId: "demo-genai-2024", email, rosterName: "單一登入同學" } });

  await page.goto("/signin");
  await expectAccessible(page);
  await page.getByRole("button", { name: "使用 NTU SSO (test) 登入" }).click();
  // The OpenID provider's own login and consent pages.
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByText(/已登入：SSO sso-/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "GenAI 2024 (demo)" })).toBeVisible();
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { accounts: true, enrollments: true } });
  expect(user.accounts.map((account) => account.provider)).toEqual(["university"]);
  expect(user.enrollments.map((enrollment) => [enrollment.classId, enrollment.rosterName])).toEqual([["demo-genai-2024", "單一登入同學"]]);
});

test("a teacher whose single sign-on says so (the configured group) may create classes; a student may not", async ({ page, db, browser }) => {
  const stamp = Date.now().toString(36);
  const signInWithSso = async (login: string, target = page) => {
    await target.goto("/signin");
    await target.getByRole("button", { name: "使用 NTU SSO (test) 登入" }).click();
    await target.locator('input[name="login"]').fill(login);
    await target.locator('input[name="password"]').fill("anything");
    await target.getByRole("button", { name: "Sign-in" }).click();
    await target.getByRole("button", { name: "Continue" }).click();
    await expect(target.getByText(/已登入：SSO /)).toBeVisible();
  };
  await signInWithSso(`teacher-${stamp}@example.edu`);
  expect((await db.user.findUniqueOrThrow({ where: { email: `teacher-${stamp}@example.edu` } })).canTeach).toBe(true);
  await expect(page.getByRole("link", { name: "建立班級" })).toBeVisible();

  const other = await browser.newContext();
  const studentPage = await other.newPage();
  await signInWithSso(`pupil-${stamp}@example.edu`, studentPage);
  expect((await db.user.findUniqueOrThrow({ where: { email: `pupil-${stamp}@example.edu` } })).canTeach).toBe(false);
  await expect(studentPage.getByRole("link", { name: "建立班級" })).toHaveCount(0);
  await other.close();
});
