"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

/** Sign in without a password: next-auth emails a link that works once. */
export function EmailLinkForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signIn");
  const [email, setEmail] = useState("");
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    try {
      const result = await signIn("email", { email, callbackUrl, redirect: false });
      if (result?.ok && !result.error) setMessage({ tone: "info", text: t("linkSent") });
      else setMessage({ tone: "error", text: t(result?.error === "EmailThrottled" ? "linkThrottled" : "unavailable") });
    } catch {
      setMessage({ tone: "error", text: t("unavailable") });
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <TextField label={t("linkEmail")} name="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Button type="submit" variant="secondary" disabled={pending || !email.trim()}>
        {t("sendLink")}
      </Button>
    </form>
  );
}
