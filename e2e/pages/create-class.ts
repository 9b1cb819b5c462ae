import { expect, type Page } from "@playwright/test";

/** Creates a class through the form, as an instructor does, and returns its id from the roster URL it lands on. */
export async function createClassViaForm(page: Page, name: string): Promise<string> {
  await page.goto("/classes/new");
  await page.getByLabel("班級名稱").fill(name);
  await page.getByRole("button", { name: "建立班級" }).click();
  await expect(page).toHaveURL(/\/classes\/[^/]+\/roster$/);
  return page.url().split("/").at(-2)!;
}
