import path from "node:path";

import { expect, expectAccessible, signInViaApi, test } from "./fixtures";
import { OwnApp } from "./own-app";

// The lecture's word-chain playground on the real local model: a student types a beginning and
// watches the model continue it token by token, with each step's candidates and probabilities.
// Runs its own Jielong with models on (npm test installs them into .data/models first).

test.describe.configure({ mode: "serial" });

const own = new OwnApp("playground", () => ({ JIELONG_MODELS: "on", JIELONG_MODELS_DIR: path.resolve(".data/models") }));
const LECTURE = "/lectures/01-what-is-generative-ai";

test.beforeAll(async () => {
  test.setTimeout(600_000);
  await own.setUp();
});

test.afterAll(async () => {
  await own.tearDown();
});

test("a student continues a beginning token by token, sees the candidates, and changes the temperature", async ({ browser }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext({ baseURL: own.baseURL, locale: "zh-TW", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signInViaApi(page.request, "student1@example.com", "jielong-demo");
  await page.goto(LECTURE);

  const playground = page.getByTestId("playground");
  await expect(playground.getByRole("heading", { name: "文字接龍遊樂場" })).toBeVisible();
  await expect(playground.getByTestId("playground-model")).toContainText("qwen2.5-coder-1.5b-instruct");
  await expect(playground.getByTestId("playground-model")).toContainText("在本站的伺服器上執行");
  await expect(playground.getByText("表中的機率是模型在這個溫度下真正的機率")).toBeVisible();
  const prefix = playground.getByLabel("開頭");
  await expect(prefix).toHaveValue("今天天氣很");

  // Temperature 0: every step takes its most likely candidate
  await prefix.fill("今天天氣很");
  await playground.getByLabel("要接幾個 token（1 到 40）").fill("8");
  await playground.getByRole("button", { name: "開始接龍" }).click();
  const status = playground.getByTestId("playground-status");
  await expect(playground.getByTestId("playground-steps").getByRole("button").first()).toBeVisible({ timeout: 180_000 });
  await expect(status).toHaveAttribute("data-status", "done", { timeout: 180_000 });
  await expect(status).toContainText("完成：接了 8 個 token。");
  const steps = playground.getByTestId("playground-steps").getByRole("button");
  await expect(steps).toHaveCount(8);
  const output = playground.getByTestId("playground-output");
  await expect(output).toContainText("今天天氣很");
  const greedyText = (await output.textContent())!;
  expect(greedyText.length).toBeGreaterThan("今天天氣很".length);

  const table = playground.getByTestId("playground-candidates");
  await expect(table).toContainText("%");
  await expect(table.getByRole("columnheader", { name: "機率" })).toBeVisible();
  await expect(table.locator("tbody tr").first()).toContainText("✓ 選中");
  // Keyboard: the first step's candidates
  await steps.first().focus();
  await page.keyboard.press("Enter");
  await expect(steps.first()).toHaveAttribute("aria-pressed", "true");
  await expect(table.locator("caption")).toContainText("第 1 步的候選");
  await expect(table.locator("tbody tr").first()).toContainText("✓ 選中");
  const probabilities = (await table.locator("tbody td:nth-child(2)").allTextContents()).map((text) => Number.parseFloat(text));
  expect(probabilities.length).toBeGreaterThan(1);
  expect([...probabilities].sort((a, b) => b - a)).toEqual(probabilities);
  expect(probabilities.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(100.5);

  // The whole page fits a phone's width, and passes axe
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);

  // Temperature 1.0, set from the keyboard: the model samples, and says at which temperature
  const slider = playground.getByRole("slider", { name: /溫度/ });
  await slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
  await expect(playground.getByText("溫度：1.0")).toBeVisible();
  await playground.getByLabel("要接幾個 token（1 到 40）").fill("20");
  await playground.getByRole("button", { name: "開始接龍" }).click();
  await expect(status).toHaveAttribute("data-status", "done", { timeout: 120_000 });
  await expect(steps).toHaveCount(20);
  await expect(playground.getByText(/溫度 1\.0，亂數種子 \d+/u)).toBeVisible();
  await expect(table).toContainText("%");
  await expectAccessible(page);
  await context.close();
});

test("the route refuses the anonymous, bad input and a second generation at once; readers who are not signed in are asked to sign in", async ({ browser }) => {
  test.setTimeout(120_000);
  const anonymous = await browser.newContext({ baseURL: own.baseURL, locale: "zh-TW" });
  const page = await anonymous.newPage();
  expect((await page.request.post("/api/playground", { data: { prefix: "今天", temperature: 0, steps: 3 } })).status()).toBe(401);
  await page.goto(LECTURE);
  await expect(page.getByTestId("playground").getByRole("link", { name: "登入後試試看" })).toHaveAttribute("href", /\/signin\?callbackUrl=/u);
  await expect(page.getByTestId("playground").getByLabel("開頭")).toHaveCount(0);
  await anonymous.close();

  const context = await browser.newContext({ baseURL: own.baseURL, locale: "zh-TW" });
  const request = context.request;
  await signInViaApi(request, "student2@example.com", "jielong-demo");
  for (const bad of [{ prefix: "", temperature: 0, steps: 3 }, { prefix: "今天", temperature: 2, steps: 3 }, { prefix: "今天", temperature: 0, steps: 41 }, { prefix: "今\u0000天", temperature: 0, steps: 3 }]) {
    const response = await request.post("/api/playground", { data: bad });
    expect(response.status(), JSON.stringify(bad)).toBe(400);
    expect(await response.json()).toEqual({ ok: false, code: "INVALID_INPUT" });
  }
  // A form post from another site is not JSON, so it is refused before anything runs
  expect((await request.post("/api/playground", { form: { prefix: "今天", temperature: "0", steps: "3" } })).status()).toBe(400);

  // One generation at a time per student: a second, sent while the first streams, is refused
  const page2 = await context.newPage();
  await page2.goto(LECTURE);
  const race = await page2.evaluate(async () => {
    const post = (body: unknown) => fetch("/api/playground", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const first = await post({ prefix: "Once upon a time", temperature: 0, steps: 40 });
    const reader = first.body!.getReader();
    await reader.read();
    const second = await post({ prefix: "Hello", temperature: 0, steps: 1 });
    const decoder = new TextDecoder();
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += decoder.decode(chunk.value, { stream: true });
    return { second: second.status, retryAfter: second.headers.get("retry-after"), code: ((await second.json()) as { code: string }).code, last: rest.trim().split("\n").at(-1) };
  });
  expect(race).toMatchObject({ second: 429, code: "TOO_MANY_REQUESTS", retryAfter: "1" });
  expect(JSON.parse(race.last!)).toMatchObject({ type: "end" });
  await context.close();
});

test("in English the playground has an English beginning", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: own.baseURL, locale: "zh-TW" });
  const page = await context.newPage();
  await signInViaApi(page.request, "student3@example.com", "jielong-demo");
  await page.goto(LECTURE);
  await page.getByRole("button", { name: /English/ }).click();
  const playground = page.getByTestId("playground");
  await expect(playground.getByRole("heading", { name: "Word-chain playground" })).toBeVisible();
  await expect(playground.getByLabel("Beginning")).toHaveValue("The weather today is very");
  await expect(playground.getByTestId("playground-model")).toContainText("running locally on this site's server");
  await playground.getByLabel("Tokens to add (1 to 40)").fill("5");
  await playground.getByRole("button", { name: "Continue the text" }).click();
  await expect(playground.getByTestId("playground-status")).toHaveAttribute("data-status", "done", { timeout: 120_000 });
  await expect(playground.getByTestId("playground-candidates").getByRole("columnheader", { name: "Probability" })).toBeVisible();
  await expectAccessible(page);
  await context.close();
});

test("without a model the lecture page says so and how an administrator installs one", async ({ page }) => {
  // The shared e2e app runs with JIELONG_MODELS=off
  await page.goto(LECTURE);
  const playground = page.getByTestId("playground");
  await expect(playground.getByRole("status")).toContainText("文字接龍遊樂場目前無法使用");
  await expect(playground).toContainText("npm run models:install");
  await expect(playground.getByLabel("開頭")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("生成式 AI 是什麼？");
  await expectAccessible(page);
});
