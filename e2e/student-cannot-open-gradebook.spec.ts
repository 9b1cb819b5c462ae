import { expect, signInViaApi, test } from "./fixtures";

test("a student of the class cannot open its attempts, roster or export", async ({ page, student }) => {
  await signInViaApi(page.request, student.email, student.password);
  for (const path of ["/classes/demo-genai-2024", "/classes/demo-genai-2024/roster"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "找不到頁面" })).toBeVisible();
  }
  expect((await page.request.get("/classes/demo-genai-2024/roster/export")).status()).toBe(404);
});
