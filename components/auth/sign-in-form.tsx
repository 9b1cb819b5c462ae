"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  // The message's key, not its text: switching the language re-renders it in the new one
  const [error, setError] = useState<{ key: "failed" | "throttled" | "locked" | "unavailable"; seconds?: number } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (result?.ok && !result.error) {
        router.push(callbackUrl);
        router.refresh();
        return;
      }
      // One message for an unknown email and a wrong password alike.
      const error = result?.error ?? "";
      if (error === "CredentialsSignin") setError({ key: "failed" });
      else if (error.startsWith("THROTTLED:")) setError({ key: "throttled", seconds: Number(error.slice(10)) || 1 });
      else if (error === "LOCKED") setError({ key: "locked" });
      else setError({ key: "unavailable" });
    } catch {
      setError({ key: "unavailable" });
    }
    setPassword("");
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {error ? <Alert>{error.key === "throttled" ? t("throttled", { seconds: error.seconds ?? 1 }) : t(error.key)}</Alert> : null}
      <TextField label={t("email")} name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <TextField
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
      <Link href="/forgot-password" className="text-sm text-teal-800 underline underline-offset-2">
        {t("forgot")}
      </Link>
    </form>
  );
}
