import { expect, expectAccessible, test } from "./fixtures";

test("the home page is in Traditional Chinese first, and the switch to English is remembered", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-TW");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("從一堂課，接出一串測驗");
  await expectAccessible(page);

  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("One lecture, a chain of quizzes");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("One lecture, a chain of quizzes");
  await expectAccessible(page);

  await page.getByRole("button", { name: /中文/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("從一堂課，接出一串測驗");

  // The tab shows the app's own icon
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(icon).toBeTruthy();
  const served = await page.request.get(icon!);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toContain("image/svg+xml");
});

test("the lecture notes are readable without signing in, with a section for each heading", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "閱讀講義" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("生成式 AI 是什麼？");
  await expect(page.locator("section#search-space h2")).toHaveText("為什麼說「複雜」");
  // Math is typeset by KaTeX, which keeps the TeX source for screen readers and copying.
  await expect(page.locator("section#search-space .katex").first()).toBeVisible();
  await expect(page.locator("section#search-space annotation").last()).toHaveText("1000^{100} = 10^{300}");
  await expectAccessible(page);
});
