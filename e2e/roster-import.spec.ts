import { expect, expectAccessible, signInViaApi, test } from "./fixtures";
import { createClassViaForm } from "./pages/create-class";

test("an instructor creates a class, previews and imports a roster twice, exports it safely, and a student joins by code", async ({ page, browser, makeUser, db }) => {
  const instructor = await makeUser("老師", { canTeach: true });
  const existing = await makeUser("已有帳號");
  const joiner = await makeUser("代碼加入");
  await signInViaApi(page.request, instructor.email, instructor.password);

  await page.goto("/classes/new");
  await expectAccessible(page);
  await page.getByLabel("班級名稱").fill("生成式 AI 導論（測試班）");
  await page.getByLabel("學期").fill("114-1");
  await page.getByLabel("班別").fill("A");
  await page.getByRole("button", { name: "建立班級" }).click();
  await expect(page).toHaveURL(/\/classes\/[^/]+\/roster$/);
  const classId = page.url().split("/").at(-2)!;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("生成式 AI 導論（測試班）：班級名單");

  const csv = [
    "學號,姓名,電子郵件,班別",
    `B001,王小明,${existing.email},A`,
    "B002,陳美玲,mei-" + classId + "@example.edu,A",
    "B003,=HYPERLINK(\"http://evil.example\"),hyper-" + classId + "@example.edu,B",
    "B004,壞信箱,not-an-email,B",
    `B005,重複,  ${existing.email.toUpperCase()} ,B`,
  ].join("\n");
  await page.getByLabel("CSV 檔案").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}\n`, "utf8") });
  await page.getByRole("button", { name: "預覽匯入結果" }).click();
  const summary = page.getByTestId("import-summary");
  await expect(summary).toContainText("新增 3 人（其中 2 人還沒有帳號）");
  await expect(summary).toContainText("2 列有錯誤，不會匯入");
  await expect(page.getByRole("row").filter({ hasText: "not-an-email" })).toContainText("電子郵件格式不正確");
  await expect(page.getByRole("row").filter({ hasText: existing.email.toUpperCase() }).filter({ hasText: "與前面的列重複" })).toBeVisible();
  // The preview says what happens to each new row: an existing account joins now, a new email on first sign-in
  await expect(page.getByTestId("rows-to-add").getByRole("row").filter({ hasText: existing.email })).toContainText("已有帳號");
  await expectAccessible(page);
  expect(await db.pendingEnrollment.count({ where: { classId } })).toBe(0);

  await page.getByRole("button", { name: "確認匯入" }).click();
  await expect(page.getByText("匯入完成：新增 3 人、更新 0 人、移出 0 人。")).toBeVisible();
  await expect(page.getByTestId("roster").getByRole("row").filter({ hasText: existing.email })).toContainText("王小明");
  await expect(page.getByTestId("pending")).toContainText("陳美玲");

  // Section B came with the file and joined the class's list; the roster filters by section.
  const sectionFilter = page.getByRole("search").getByLabel("班別");
  await expect(sectionFilter.getByRole("option")).toHaveText(["所有班別", "A", "B"]);
  await sectionFilter.selectOption("B");
  await page.getByRole("button", { name: "搜尋" }).click();
  await expect(page).toHaveURL(/section=B/);
  await expect(page.getByTestId("roster").getByRole("row").filter({ hasText: existing.email })).toHaveCount(0);
  await page.getByRole("search").getByLabel("班別").selectOption("A");
  await page.getByRole("button", { name: "搜尋" }).click();
  await expect(page.getByTestId("roster").getByRole("row").filter({ hasText: existing.email })).toContainText("王小明");

  // The same file again changes nothing.
  await page.getByLabel("CSV 檔案").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}\n`, "utf8") });
  await page.getByRole("button", { name: "預覽匯入結果" }).click();
  await expect(summary).toContainText("新增 0 人");
  await expect(summary).toContainText("3 人沒有變動");

  const exported = await (await page.request.get(`/classes/${classId}/roster/export`)).text();
  expect(exported).toContain("王小明");
  expect(exported).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  expect(exported).not.toMatch(/,=HYPERLINK/);

  await page.getByRole("button", { name: "開放用代碼加入" }).click();
  const code = (await page.getByTestId("join-code").textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{8}$/);

  const joinerContext = await browser.newContext();
  const joinerPage = await joinerContext.newPage();
  await signInViaApi(joinerPage.request, joiner.email, joiner.password);
  await joinerPage.goto("/join");
  await joinerPage.getByLabel("班級代碼").fill("WRONG123");
  await joinerPage.getByRole("button", { name: "加入" }).click();
  await expect(joinerPage.getByRole("alert").filter({ hasText: "找不到這個班級代碼" })).toBeVisible();
  await joinerPage.getByLabel("班級代碼").fill(code.toLowerCase());
  await joinerPage.getByRole("button", { name: "加入" }).click();
  await expect(joinerPage.getByText("你已加入「生成式 AI 導論（測試班）」。")).toBeVisible();
  await expectAccessible(joinerPage);

  // A student of the class does not reach its roster.
  const denied = await joinerPage.goto(`/classes/${classId}/roster`);
  expect(denied?.status()).toBe(404);
  expect((await joinerPage.request.get(`/classes/${classId}/roster/export`)).status()).toBe(404);
  await joinerContext.close();

  await page.goto(`/classes/${classId}/roster`);
  await expect(page.getByTestId("roster").getByRole("row").filter({ hasText: joiner.email })).toBeVisible();
});

test("a roster that is not UTF-8 gets a clear message and nothing is saved", async ({ page, makeUser, db }) => {
  const instructor = await makeUser("老師", { canTeach: true });
  await signInViaApi(page.request, instructor.email, instructor.password);
  const classId = await createClassViaForm(page, "Big5 測試");
  // "email,姓名\na@example.com,王小明" in Big5
  const big5 = Buffer.concat([Buffer.from("email,"), Buffer.from([0xa9, 0x6d, 0xa6, 0x57]), Buffer.from("\na@example.com,"), Buffer.from([0xa4, 0xfd, 0xa4, 0x70, 0xa9, 0xfa])]);
  await page.getByLabel("CSV 檔案").setInputFiles({ name: "big5.csv", mimeType: "text/csv", buffer: big5 });
  await page.getByRole("button", { name: "預覽匯入結果" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "這個檔案不是 UTF-8 編碼" })).toBeVisible();
  expect(await db.pendingEnrollment.count({ where: { classId } })).toBe(0);
});

test("a 5,000-row roster imports in batches with progress, and the page stays usable", async ({ page, makeUser, db }) => {
  test.setTimeout(180_000);
  const instructor = await makeUser("老師", { canTeach: true });
  await signInViaApi(page.request, instructor.email, instructor.password);
  const classId = await createClassViaForm(page, "大班 5000 人");
  const rows = Array.from({ length: 5000 }, (_, i) => `s${String(i).padStart(4, "0")}-${classId}@example.edu,學生${i},B${10000 + i},${"ABCDE"[i % 5]}`);
  await page.getByLabel("CSV 檔案").setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: Buffer.from(`email,姓名,學號,班別\n${rows.join("\n")}\n`) });
  await page.getByRole("button", { name: "預覽匯入結果" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("新增 5000 人（其中 5000 人還沒有帳號）", { timeout: 30_000 });
  await page.getByRole("button", { name: "確認匯入" }).click();
  await expect(page.getByLabel("匯入進度")).toBeVisible();
  await expect(page.getByText("匯入完成：新增 5000 人、更新 0 人、移出 0 人。")).toBeVisible({ timeout: 150_000 });
  expect(await db.pendingEnrollment.count({ where: { classId } })).toBe(5000);
  await expect(page.getByRole("heading", { name: "5000 人還沒有帳號" })).toBeVisible();
  await expect(page.getByText("還有 4900 人，完整名單請匯出 CSV。")).toBeVisible();
});

test("a role change asks first, and takes effect only when confirmed", async ({ page, makeUser, db }) => {
  const instructor = await makeUser("角色老師", { canTeach: true });
  const member = await makeUser("要當助教");
  const klass = await db.class.create({ data: { name: "Role class", enrollments: { create: [{ userId: instructor.id, role: "INSTRUCTOR" }, { userId: member.id, role: "STUDENT" }] } } });
  await signInViaApi(page.request, instructor.email, instructor.password);
  await page.goto(`/classes/${klass.id}/roster`);
  const role = page.getByLabel(`${member.name} 的角色`);
  const roleOf = async () => (await db.enrollment.findUniqueOrThrow({ where: { classId_userId: { classId: klass.id, userId: member.id } } })).role;

  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain(`要把 ${member.name} 的角色改成「助教」嗎？`);
    void dialog.dismiss();
  });
  await role.selectOption("TA");
  await expect(role).toHaveValue("STUDENT");
  expect(await roleOf()).toBe("STUDENT");

  page.once("dialog", (dialog) => void dialog.accept());
  await role.selectOption("TA");
  await expect.poll(roleOf).toBe("TA");
  await expect(role).toHaveValue("TA");
});
