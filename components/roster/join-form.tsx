"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { joinClassAction } from "@/lib/roster/actions";

export function JoinForm() {
  const t = useTranslations();
  const [code, setCode] = useState("");
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    startTransition(async () => {
      try {
        const result = await joinClassAction({ code });
        if (result.ok) {
          setMessage({ tone: "info", text: result.status === "ACTIVE" ? t("roster.joined", { name: result.name }) : t("roster.joinedWaiting", { name: result.name }) });
        } else setMessage({ tone: "error", text: t(`errors.${result.code}` as "errors.JOIN_CODE_UNKNOWN") });
      } catch {
        setMessage({ tone: "error", text: t("errors.network") });
      }
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <TextField label={t("roster.code")} value={code} maxLength={32} autoComplete="off" autoCapitalize="characters" onChange={(e) => setCode(e.target.value)} />
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div>
        <Button type="submit" disabled={pending || !code.trim()}>
          {t("roster.joinButton")}
        </Button>
      </div>
    </form>
  );
}
