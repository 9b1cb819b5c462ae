import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { expect, test, testClientAddress } from "./fixtures";
import { MAIL_DIR, waitForMail } from "./mail-catcher";
import { callAction, serverActions } from "./server-actions";

// Mails are limited per address and per client; one client spraying passwords over many emails is
// slowed; a locked account still signs in by emailed link; the reset answer takes the same time
// whether or not the email has an account.

async function mailsTo(address: string): Promise<number> {
  let count = 0;
  for (const file of await readdir(MAIL_DIR)) {
    const message = JSON.parse(await readFile(path.join(MAIL_DIR, file), "utf8")) as { to: string[] };
    if (message.to.includes(address.toLowerCase())) count++;
  }
  return count;
}

async function tryPassword(request: APIRequestContext, email: string, password: string, client: string): Promise<string> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" }, headers: { "X-Forwarded-For": client } });
  return new URL(((await response.json()) as { url: string }).url).searchParams.get("error") ?? "ok";
}

async function requestLink(request: APIRequestContext, email: string, client: string): Promise<string> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/signin/email", { form: { csrfToken, email, callbackUrl: "/", json: "true" }, headers: { "X-Forwarded-For": client } });
  return new URL(((await response.json()) as { url: string }).url).searchParams.get("error") ?? "ok";
}

const resetAction = () => serverActions().get("lib/auth/actions.ts#requestPasswordResetAction")!;

test("reset mails: three to one address in a while, then a clear refusal; the same for addresses without an account", async ({ page, makeUser }) => {
  const user = await makeUser("重設上限");
  const reset = (email: string, client = testClientAddress()) => callAction(page.request, resetAction(), [{ email }], { "X-Forwarded-For": client });
  for (const email of [user.email, `nobody-${user.id}@example.com`]) {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await reset(email)).result);
    expect(answers, email).toEqual([{ ok: true }, { ok: true }, { ok: true }, { ok: false, code: "TOO_MANY_REQUESTS" }]);
  }
  await waitForMail(user.email);
  await page.waitForTimeout(1000);
  expect(await mailsTo(user.email)).toBe(3);

  // The page says so in words
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": testClientAddress() });
  await page.goto("/forgot-password");
  await page.getByLabel("電子郵件").fill(user.email);
  await page.getByRole("button", { name: "寄出連結" }).click();
  await expect(page.getByText("寄出的信太多了，請過 15 分鐘再試。")).toBeVisible();
});

test("one client asking mails for many addresses is stopped after twenty", async ({ page }) => {
  const client = testClientAddress();
  const stamp = Date.now().toString(36);
  const answers: unknown[] = [];
  for (let i = 0; i < 21; i++) answers.push((await callAction(page.request, resetAction(), [{ email: `spray-${stamp}-${i}@example.com` }], { "X-Forwarded-For": client })).result);
  expect(answers.slice(0, 20).every((answer) => (answer as { ok: boolean }).ok)).toBe(true);
  expect(answers[20]).toEqual({ ok: false, code: "TOO_MANY_REQUESTS" });
  // Another client is not affected
  expect((await callAction(page.request, resetAction(), [{ email: `spray-${stamp}-x@example.com` }], { "X-Forwarded-For": testClientAddress() })).result).toEqual({ ok: true });
});

test("sign-in links: three to one address in a while, and the form says why the fourth is not sent", async ({ page, request, makeUser }) => {
  const user = await makeUser("連結上限");
  for (let i = 0; i < 3; i++) expect(await requestLink(request, user.email, testClientAddress())).toBe("ok");
  expect(await requestLink(request, user.email, testClientAddress())).toBe("EmailThrottled");
  await page.goto("/signin");
  await page.getByLabel("你的電子郵件").fill(user.email);
  await page.getByRole("button", { name: "寄出登入連結" }).click();
  await expect(page.getByText("剛才寄出的登入連結太多了")).toBeVisible();
  await page.waitForTimeout(1000);
  expect(await mailsTo(user.email)).toBe(3);
});

test("one client spraying passwords over many emails is slowed; other clients are not; a locked account still signs in by link", async ({ request, makeUser, db, browser }) => {
  const client = testClientAddress();
  const stamp = Date.now().toString(36);
  const outcomes: string[] = [];
  for (let i = 0; i < 21; i++) outcomes.push(await tryPassword(request, `sprayed-${stamp}-${i}@example.com`, "Password1", client));
  expect(outcomes.slice(0, 20).every((outcome) => outcome === "CredentialsSignin")).toBe(true);
  expect(outcomes[20]).toMatch(/^THROTTLED:\d+$/);
  expect(await tryPassword(request, `sprayed-${stamp}-fresh@example.com`, "Password1", client)).toMatch(/^THROTTLED:/);
  expect(await tryPassword(request, `sprayed-${stamp}-fresh@example.com`, "Password1", testClientAddress())).toBe("CredentialsSignin");

  // Locked out of password sign-in by someone else's failures: the emailed link still works
  const victim = await makeUser("被鎖帳號");
  await db.signInThrottle.create({ data: { key: `email:${victim.email}`, failures: 100, lastFailureAt: new Date() } });
  expect(await tryPassword(request, victim.email, victim.password, testClientAddress())).toBe("LOCKED");
  const device = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": testClientAddress() } });
  const page = await device.newPage();
  await page.goto("/signin");
  await page.getByLabel("你的電子郵件").fill(victim.email);
  await page.getByRole("button", { name: "寄出登入連結" }).click();
  await expect(page.getByText("登入連結已寄出")).toBeVisible();
  const link = (await waitForMail(victim.email)).text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/)?.[0];
  expect(link).toBeTruthy();
  await page.goto(link!);
  await expect(page.getByText(`已登入：${victim.name}`)).toBeVisible();
  await device.close();
});

test("a reset request takes as long for an email with an account as for one without", async ({ page, makeUser }) => {
  const known = await Promise.all(Array.from({ length: 7 }, (_, i) => makeUser(`計時 ${i}`)));
  const client = testClientAddress();
  const timed = async (email: string) => {
    const started = performance.now();
    const { result } = await callAction(page.request, resetAction(), [{ email }], { "X-Forwarded-For": client });
    expect(result).toEqual({ ok: true });
    return performance.now() - started;
  };
  await timed(`warm-up-${Date.now()}@example.com`);
  const withAccount: number[] = [];
  const without: number[] = [];
  for (const [i, user] of known.entries()) {
    withAccount.push(await timed(user.email));
    without.push(await timed(`nobody-${i}-${user.id}@example.com`));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(`reset request, median of 7: with an account ${median(withAccount).toFixed(1)} ms, without ${median(without).toFixed(1)} ms`);
  // The lookup, the token and the mail happen after the answer; before, the answer waited for them
  expect(median(withAccount)).toBeLessThan(median(without) * 1.5 + 15);
  for (const user of known) await waitForMail(user.email);
});
