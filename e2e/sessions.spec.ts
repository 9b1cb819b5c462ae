import { expect, signInViaApi, test } from "./fixtures";

// Signing out revokes the session token itself, so a copy of the cookie (another tab's, a stolen
// one) stops working too; "sign out everywhere" empties /api/auth/session on every device.

test("signing out revokes the token: a copy of the cookie no longer signs anyone in", async ({ browser, makeUser }) => {
  const user = await makeUser("登出撤銷");
  const device = await browser.newContext();
  const page = await device.newPage();
  await signInViaApi(page.request, user.email, user.password);
  const copied = await device.cookies();
  expect(copied.some((cookie) => cookie.name.includes("session-token"))).toBe(true);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/");
  await expect(thiefPage.getByText(`已登入：${user.name}`)).toBeVisible();

  await page.goto("/");
  await page.getByRole("button", { name: "登出", exact: true }).click();
  await expect(page.getByRole("link", { name: "登入", exact: true })).toBeVisible();

  // The copy was made before signing out; it is refused now, by pages and by next-auth's own endpoint
  const thiefRequest = (await browser.newContext({ storageState: { cookies: copied, origins: [] } })).request;
  expect(await (await thiefRequest.get("/api/auth/session")).json()).toEqual({});
  await thiefPage.reload();
  await expect(thiefPage.getByRole("link", { name: "登入", exact: true })).toBeVisible();
  expect((await thiefRequest.post(`/api/assignments/demo-01-starter/attempts`)).status()).toBe(401);
  await device.close();
  await thief.close();
});

test("after signing out everywhere, next-auth's session endpoint names nobody on the other device", async ({ browser, makeUser }) => {
  const user = await makeUser("全部登出");
  const phone = await browser.newContext();
  const laptop = await browser.newContext();
  await signInViaApi(phone.request, user.email, user.password);
  await signInViaApi(laptop.request, user.email, user.password);
  const phonePage = await phone.newPage();
  await phonePage.goto("/");
  await phonePage.getByRole("button", { name: "登出所有裝置" }).click();
  await expect(phonePage.getByRole("link", { name: "登入", exact: true })).toBeVisible();
  expect(await (await laptop.request.get("/api/auth/session")).json()).toEqual({});
  // Signing in again works as usual
  await signInViaApi(laptop.request, user.email, user.password);
  await phone.close();
  await laptop.close();
});
