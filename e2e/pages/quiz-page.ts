import { expect, type Page } from "@playwright/test";

/** A quiz attempt as a student sees it (zh-TW). */
export class QuizPage {
  constructor(readonly page: Page) {}

  /** Opens the assignment and starts (or resumes) an attempt. */
  async start(assignmentId: string) {
    await this.page.goto(`/assignments/${assignmentId}`);
    const start = this.page.getByRole("button", { name: /開始作答|再作答一次|再練一次/ }).or(this.page.getByRole("link", { name: /繼續第 \d+ 次作答/ }));
    // A click that lands before the page is hydrated does nothing; starting twice resumes the same attempt
    await expect(async () => {
      if (!/\/attempts\//u.test(this.page.url())) await start.click();
      await expect(this.page).toHaveURL(/\/attempts\//, { timeout: 5000 });
    }).toPass({ timeout: 30_000 });
    await expect(this.saveStatus).not.toHaveAttribute("data-state", "loading");
  }

  get saveStatus() {
    return this.page.getByTestId("save-status");
  }

  /** Waits until the server has acknowledged every answer. */
  async expectAllSaved() {
    await expect(this.saveStatus).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  }

  question(number: number) {
    return this.page.getByRole("region", { name: `第 ${number} 題` });
  }

  async chooseOption(number: number, text: string | RegExp) {
    await this.question(number).getByRole("radio", { name: text }).check();
  }

  async categorize(number: number, placements: Record<string, "分類" | "生成">) {
    for (const [item, category] of Object.entries(placements)) {
      await this.question(number).getByRole("group", { name: `「${item}」屬於` }).getByRole("radio", { name: category }).check();
    }
  }

  numericInput(number: number) {
    return this.question(number).getByLabel("你的答案");
  }

  /** Submits through the confirmation dialog. */
  async submit() {
    await this.page.getByRole("button", { name: "交卷", exact: true }).click();
    await this.page.getByRole("dialog").getByRole("button", { name: "確定交卷" }).click();
  }

  async expectResultPage() {
    await expect(this.page).toHaveURL(/\/attempts\//);
    await expect(this.page.getByRole("heading", { level: 1 })).toContainText("作答結果");
  }
}

export const ALL_CORRECT_PLACEMENTS = {
  判斷一封電子郵件是不是垃圾郵件: "分類",
  辨認照片裡是貓還是狗: "分類",
  寫一首關於秋天的新詩: "生成",
  把一段中文翻譯成英文: "生成",
  手機用臉部辨識判斷是不是機主本人: "分類",
  依照一句描述畫出一張圖: "生成",
} as const;
