import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

// A real SMTP server for the e2e run: the app sends through SMTP_URL to it, and tests read
// what arrived (files, so every Playwright worker sees every message).
export const MAIL_PORT = Number(process.env.E2E_MAIL_PORT ?? 2526);
export const MAIL_DIR = ".data/e2e-mail";

export async function startMailCatcher(): Promise<() => Promise<void>> {
  await rm(MAIL_DIR, { recursive: true, force: true });
  await mkdir(MAIL_DIR, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        await writeFile(path.join(MAIL_DIR, `${Date.now()}-${count++}.json`), JSON.stringify({ to: recipients, raw: Buffer.concat(chunks).toString("utf8") }));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(MAIL_PORT, "127.0.0.1", resolve));
  return () => new Promise((resolve) => server.close(() => resolve()));
}

/** Waits for the newest message to `to` and returns its text body. */
export async function waitForMail(to: string, timeoutMs = 15_000): Promise<{ subject: string; text: string }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = (await readdir(MAIL_DIR)).sort().reverse();
    for (const file of files) {
      const message = JSON.parse(await readFile(path.join(MAIL_DIR, file), "utf8")) as { to: string[]; raw: string };
      if (message.to.includes(to.toLowerCase())) {
        const parsed = await simpleParser(message.raw);
        return { subject: parsed.subject ?? "", text: parsed.text ?? "" };
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No mail to ${to} arrived within ${timeoutMs} ms`);
}
