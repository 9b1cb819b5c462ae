"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { requestPasswordResetAction, resetPasswordAction, unlockAccountAction } from "@/lib/auth/actions";

type TMessage = { tone: "error" | "info"; text: string } | null;

function useSubmit() {
  const t = useTranslations("account");
  const [message, setMessage] = useState<TMessage>(null);
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<{ ok: boolean; code?: string }>, success: string) =>
    startTransition(async () => {
      setMessage(null);
      try {
        const result = await work();
        if (result.ok) {
          setDone(true);
          setMessage({ tone: "info", text: success });
        } else setMessage({ tone: "error", text: t(`problem_${result.code}` as "problem_LINK_INVALID") });
      } catch {
        setMessage({ tone: "error", text: t("problem_network") });
      }
    });
  return { t, message, done, pending, run };
}

export function ForgotPasswordForm() {
  const { t, message, done, pending, run } = useSubmit();
  const [email, setEmail] = useState("");
  return (
    <form className="flex flex-col gap-4" noValidate onSubmit={(e: FormEvent) => { e.preventDefault(); run(() => requestPasswordResetAction({ email }), t("resetSent")); }}>
      <TextField label={t("email")} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div>
        <Button type="submit" disabled={pending || done || !email.trim()}>{t("sendLink")}</Button>
      </div>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const { t, message, done, pending, run } = useSubmit();
  const [password, setPassword] = useState("");
  return (
    <form className="flex flex-col gap-4" noValidate onSubmit={(e: FormEvent) => { e.preventDefault(); run(() => resetPasswordAction({ token, password }), t("resetDone")); }}>
      <TextField label={t("newPassword")} type="password" autoComplete="new-password" help={t("passwordRules")} value={password} onChange={(e) => setPassword(e.target.value)} />
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {done ? <Link href="/signin" className="text-teal-800 underline">{t("toSignIn")}</Link> : (
        <div>
          <Button type="submit" disabled={pending || !password}>{t("setPassword")}</Button>
        </div>
      )}
    </form>
  );
}

export function UnlockForm({ token }: { token: string }) {
  const { t, message, done, pending, run } = useSubmit();
  return (
    <form className="flex flex-col gap-4" onSubmit={(e: FormEvent) => { e.preventDefault(); run(() => unlockAccountAction({ token }), t("unlocked")); }}>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {done ? <Link href="/signin" className="text-teal-800 underline">{t("toSignIn")}</Link> : (
        <div>
          <Button type="submit" disabled={pending}>{t("unlock")}</Button>
        </div>
      )}
    </form>
  );
}
