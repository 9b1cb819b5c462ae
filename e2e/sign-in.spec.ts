import { expect, expectAccessible, signInViaApi, test } from "./fixtures";

test("a wrong password and an unknown email get the same message, and the email stays", async ({ page, student }) => {
  await page.goto("/signin");
  await expectAccessible(page);
  const email = page.getByLabel("電子郵件", { exact: true });
  const password = page.getByLabel("密碼", { exact: true });

  await email.fill(student.email);
  await password.fill("not-the-password");
  await page.getByRole("button", { name: "登入", exact: true }).click();
  const alert = page.locator("form").getByRole("alert");
  await expect(alert).toHaveText("電子郵件或密碼不正確，請再試一次。");
  await expect(email).toHaveValue(student.email);
  await expectAccessible(page);

  await email.fill("nobody-here@example.com");
  await password.fill(student.password);
  await page.getByRole("button", { name: "登入", exact: true }).click();
  await expect(alert).toHaveText("電子郵件或密碼不正確，請再試一次。");
  await expect(email).toHaveValue("nobody-here@example.com");
});

test("the demo student signs in through next-auth's credentials endpoint", async ({ request }) => {
  await signInViaApi(request, "student1@example.com", "jielong-demo");
});

test("signing in and out through the form", async ({ page, student }) => {
  await page.goto("/signin");
  await page.getByLabel("電子郵件", { exact: true }).fill(student.email);
  await page.getByLabel("密碼", { exact: true }).fill(student.password);
  await page.getByRole("button", { name: "登入", exact: true }).click();
  await expect(page.getByText(`已登入：${student.name}`)).toBeVisible();
  await page.getByRole("button", { name: "登出", exact: true }).click();
  await expect(page.getByRole("link", { name: "登入", exact: true })).toBeVisible();
});

test("pages that need a user send a visitor to sign in and back", async ({ page, student }) => {
  await page.goto("/assignments/demo-01-starter");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fassignments%2Fdemo-01-starter/);
  await page.getByLabel("電子郵件", { exact: true }).fill(student.email);
  await page.getByLabel("密碼", { exact: true }).fill(student.password);
  await page.getByRole("button", { name: "登入", exact: true }).click();
  await expect(page).toHaveURL(/\/assignments\/demo-01-starter$/);
});

test("a return address that leads off the site is dropped: signing in lands on the home page", async ({ page, student }) => {
  // A browser reads "/\host" as "//host"; the earlier check let it through.
  for (const callbackUrl of ["/\\evil.example/phish", "//evil.example", "https://evil.example/"]) {
    await page.context().clearCookies();
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByLabel("電子郵件", { exact: true }).fill(student.email);
    await page.getByLabel("密碼", { exact: true }).fill(student.password);
    await page.getByRole("button", { name: "登入", exact: true }).click();
    await expect(page.getByText(`已登入：${student.name}`)).toBeVisible();
    expect(new URL(page.url()).host, callbackUrl).toBe(new URL(test.info().project.use.baseURL!).host);
    expect(new URL(page.url()).pathname).toBe("/");
  }
});

test("a sign-in error follows a switch of language", async ({ page, student }) => {
  await page.goto("/signin");
  await page.getByLabel("電子郵件", { exact: true }).fill(student.email);
  await page.getByLabel("密碼", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "登入", exact: true }).click();
  const alert = page.locator("form").getByRole("alert");
  await expect(alert).toHaveText("電子郵件或密碼不正確，請再試一次。");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(alert).toHaveText("The email or password is not correct. Please try again.");
  await page.getByRole("button", { name: /中文/ }).click();
  await expect(alert).toHaveText("電子郵件或密碼不正確，請再試一次。");
});
