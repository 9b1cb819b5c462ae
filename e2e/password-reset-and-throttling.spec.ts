import type { APIRequestContext } from "@playwright/test";
import { expect, expectAccessible, signInViaApi, test } from "./fixtures";
import { waitForMail } from "./mail-catcher";

async function tryPassword(request: APIRequestContext, email: string, password: string): Promise<string> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error") ?? "ok";
}

test("a forgotten password is reset through an emailed link that works once", async ({ page, makeUser }) => {
  const user = await makeUser("忘記密碼");
  await page.goto("/signin");
  await page.getByRole("link", { name: "忘記密碼？" }).click();
  await expectAccessible(page);
  await page.getByLabel("電子郵件").fill(user.email);
  await page.getByRole("button", { name: "寄出連結" }).click();
  await expect(page.getByText("如果這個電子郵件有帳號，重設密碼的連結已經寄出")).toBeVisible();

  const mail = await waitForMail(user.email);
  expect(mail.subject).toContain("重設密碼");
  const link = mail.text.match(/https?:\/\/\S+\/reset-password\?token=[\w-]+/)?.[0];
  expect(link).toBeTruthy();

  await page.goto(link!);
  await page.getByLabel("新密碼").fill("password");
  await page.getByRole("button", { name: "設定新密碼" }).click();
  await expect(page.getByText("這是很常見的密碼，容易被猜到，請換一個。")).toBeVisible();
  await page.getByLabel("新密碼").fill("amber-lantern-chain-42");
  await page.getByRole("button", { name: "設定新密碼" }).click();
  await expect(page.getByText("密碼已更新")).toBeVisible();
  await expectAccessible(page);

  await signInViaApi(page.request, user.email, "amber-lantern-chain-42");
  expect(await tryPassword(page.request, user.email, user.password)).toBe("CredentialsSignin");

  // The same link a second time does nothing.
  await page.goto(link!);
  await page.getByLabel("新密碼").fill("another-fine-passphrase-7");
  await page.getByRole("button", { name: "設定新密碼" }).click();
  await expect(page.getByText("這個連結無效、已經用過或已過期。")).toBeVisible();
});

test("failed sign-ins meet growing delays, with one message for unknown and known emails alike", async ({ request, makeUser }) => {
  const user = await makeUser("節流");
  const outcomes: string[] = [];
  for (let attempt = 0; attempt < 3; attempt++) outcomes.push(await tryPassword(request, user.email, "wrong-password"));
  expect(outcomes).toEqual(["CredentialsSignin", "CredentialsSignin", "CredentialsSignin"]);
  const delays: number[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const error = await tryPassword(request, user.email, "wrong-password");
    expect(error).toMatch(/^THROTTLED:\d+$/);
    const seconds = Number(error.split(":")[1]);
    delays.push(seconds);
    // Waiting out the delay lets the next try through, which fails and doubles the delay.
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 100));
    expect(await tryPassword(request, user.email, "wrong-password")).toBe("CredentialsSignin");
  }
  expect(delays).toEqual([1, 2, 4]);
  // The right password is refused while the delay runs: the attacker learns nothing from it.
  expect(await tryPassword(request, user.email, user.password)).toMatch(/^THROTTLED:/);
  // An email with no account is throttled the same way.
  for (let attempt = 0; attempt < 3; attempt++) await tryPassword(request, `nobody-${user.id}@example.com`, "x");
  expect(await tryPassword(request, `nobody-${user.id}@example.com`, "x")).toBe("THROTTLED:1");
});

test("sign out everywhere ends the session on other devices too", async ({ browser, makeUser }) => {
  const user = await makeUser("多裝置");
  const phone = await browser.newContext();
  const laptop = await browser.newContext();
  const phonePage = await phone.newPage();
  const laptopPage = await laptop.newPage();
  await signInViaApi(phonePage.request, user.email, user.password);
  await signInViaApi(laptopPage.request, user.email, user.password);
  await laptopPage.goto("/");
  await expect(laptopPage.getByText(`已登入：${user.name}`)).toBeVisible();

  await phonePage.goto("/");
  await phonePage.getByRole("button", { name: "登出所有裝置" }).click();
  await expect(phonePage.getByRole("link", { name: "登入", exact: true })).toBeVisible();

  await laptopPage.reload();
  await expect(laptopPage.getByText(`已登入：${user.name}`)).toHaveCount(0);
  await expect(laptopPage.getByRole("link", { name: "登入", exact: true })).toBeVisible();
  await phone.close();
  await laptop.close();
});
