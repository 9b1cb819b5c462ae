import { expect, expectAccessible, signInViaApi, test } from "./fixtures";
import { createClassViaForm } from "./pages/create-class";
import { callAction, serverActions } from "./server-actions";

// Creating classes is a capability (issue 14): before it, any account could create a class, then
// look up and enrol anyone by email.

test("without teaching access nobody creates a class, not even by a forged call; an admin grants and withdraws it", async ({ page, browser, makeUser, db }) => {
  const newcomer = await makeUser("想開課");
  await signInViaApi(page.request, newcomer.email, newcomer.password);
  await page.goto("/");
  await expect(page.getByRole("link", { name: "加入班級" })).toBeVisible();
  await expect(page.getByRole("link", { name: "建立班級" })).toHaveCount(0);
  await page.goto("/classes/new");
  await expect(page.getByTestId("needs-teaching")).toContainText("建立班級需要教師權限");
  await expect(page.getByLabel("班級名稱")).toHaveCount(0);
  await expectAccessible(page);
  const create = serverActions().get("lib/roster/actions.ts#createClassAction")!;
  expect((await callAction(page.request, create, [{ name: "偷開的班", term: "" }])).result).toEqual({ ok: false, code: "FORBIDDEN" });
  expect(await db.class.count({ where: { name: "偷開的班" } })).toBe(0);

  // The site admin grants it on the admin page
  const admin = await makeUser("網站管理員");
  await db.user.update({ where: { id: admin.id }, data: { siteRole: "ADMIN" } });
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signInViaApi(adminPage.request, admin.email, admin.password);
  await adminPage.goto("/");
  await adminPage.getByRole("link", { name: "管理教師權限" }).click();
  await expect(adminPage.getByRole("heading", { level: 1 })).toHaveText("教師權限");
  await expectAccessible(adminPage);
  await adminPage.getByLabel("要開通的帳號電子郵件").fill(`nobody-${newcomer.id}@example.com`);
  await adminPage.getByRole("button", { name: "開通教師權限" }).click();
  await expect(adminPage.getByText("沒有使用這個電子郵件的帳號")).toBeVisible();
  await adminPage.getByLabel("要開通的帳號電子郵件").fill(newcomer.email.toUpperCase());
  await adminPage.getByRole("button", { name: "開通教師權限" }).click();
  await expect(adminPage.getByTestId("teachers").getByRole("row").filter({ hasText: newcomer.email })).toBeVisible();

  const classId = await createClassViaForm(page, "正式開的班");
  expect(classId).toBeTruthy();

  // Withdrawn: no new classes, the one already taught stays
  await adminPage.getByRole("button", { name: `撤銷 ${newcomer.name} 的教師權限` }).click();
  await expect(adminPage.getByTestId("teachers").getByRole("row").filter({ hasText: newcomer.email })).toHaveCount(0);
  expect((await callAction(page.request, create, [{ name: "第二個班", term: "" }])).result).toEqual({ ok: false, code: "FORBIDDEN" });
  expect((await page.goto(`/classes/${classId}/roster`))?.status()).toBe(200);
  await adminContext.close();

  // Not an admin: the admin page does not exist for them, and the actions refuse
  expect((await page.goto("/admin/teachers"))?.status()).toBe(404);
  const grant = serverActions().get("lib/roster/actions.ts#grantTeachingAction")!;
  expect((await callAction(page.request, grant, [{ email: newcomer.email }])).result).toEqual({ ok: false, code: "FORBIDDEN" });
  expect((await db.user.findUniqueOrThrow({ where: { id: newcomer.id } })).canTeach).toBe(false);
});

test("the roster preview says who has an account, without internal ids", async ({ page, makeUser, db }) => {
  const instructor = await makeUser("預覽老師", { canTeach: true });
  const existing = await makeUser("已有帳號學生");
  const klass = await db.class.create({ data: { name: "Preview class", enrollments: { create: [{ userId: instructor.id, role: "INSTRUCTOR" }] } } });
  await signInViaApi(page.request, instructor.email, instructor.password);
  const csv = `email,name\n${existing.email},甲\nnew-${Date.now().toString(36)}@example.edu,乙\n`;
  await page.goto(`/classes/${klass.id}/roster`);
  await page.getByLabel("或直接貼上 CSV 內容").fill(csv);
  // What the browser receives from the preview action (read on its way through): what happens per row, no user ids
  let body = "";
  await page.route("**/*", async (route) => {
    if (route.request().method() !== "POST" || !route.request().headers()["next-action"]) return route.fallback();
    const response = await route.fetch();
    body = await response.text();
    await route.fulfill({ response, body });
  });
  await page.getByRole("button", { name: "預覽匯入結果" }).click();
  await expect.poll(() => body).toContain("hasAccount");
  expect(body).toContain('"hasAccount":true');
  expect(body).toContain('"hasAccount":false');
  expect(body).not.toContain(existing.id);
  expect(body).not.toContain("userId");
  await expect(page.getByTestId("rows-to-add").getByRole("row").filter({ hasText: existing.email })).toContainText("已有帳號");
  await expect(page.getByTestId("rows-to-add").getByRole("row").filter({ hasText: "new-" })).toContainText("還沒有帳號");
});
