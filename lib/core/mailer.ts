import nodemailer from "nodemailer";

export type TMail = { to: string; subject: string; text: string };

/**
 * Sends through the SMTP server in SMTP_URL (e.g. smtp://user:pass@mail.example.edu:587).
 * Without one (demo mode), the message is written to the server log so links can be followed.
 */
export async function sendMail(mail: TMail): Promise<void> {
  const url = process.env.SMTP_URL;
  const from = process.env.MAIL_FROM ?? "Jielong <no-reply@jielong.local>";
  if (!url) {
    console.log(`[mail] (no SMTP_URL set, so printed here)\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`);
    return;
  }
  const transport = nodemailer.createTransport(url);
  await transport.sendMail({ from, ...mail });
}

export function appUrl(path: string): string {
  const base = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return new URL(path, base).toString();
}
