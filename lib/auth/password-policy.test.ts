import { describe, expect, it } from "vitest";
import { checkNewPassword } from "./password-policy";

describe("checkNewPassword", () => {
  it.each(["password", "12345678", "iloveyou", "qwertyuiop", "PASSWORD1"])("refuses the common password %s", (password) => {
    expect(checkNewPassword(password)).toBe("too_common");
  });
  it("refuses fewer than 8 characters, counting Chinese characters as one each", () => {
    expect(checkNewPassword("abc123")).toBe("too_short");
    expect(checkNewPassword("生成式人工智慧導論")).toBeNull();
  });
  it("accepts an uncommon passphrase", () => {
    expect(checkNewPassword("purple-dragon-chain-2024")).toBeNull();
  });
});
