import { getTranslations } from "next-intl/server";
import { EmailLinkForm } from "@/components/auth/email-link-form";
import { SsoButton } from "@/components/auth/sso-button";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { ssoProviderName } from "@/lib/auth/options";
import { safeReturnPath } from "@/lib/core/return-path";

// Only a path on this site is kept as the place to return to after signing in.

type TProps = { searchParams: Promise<{ callbackUrl?: string; sent?: string; error?: string }> };

export default async function SignInPage({ searchParams }: TProps) {
  const t = await getTranslations("signIn");
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  const sso = ssoProviderName();
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {params.sent ? <Alert tone="info">{t("linkSent")}</Alert> : null}
      {params.error === "Verification" ? <Alert>{t("linkInvalid")}</Alert> : null}
      {params.error && params.error !== "Verification" && params.error !== "CredentialsSignin" ? <Alert>{t("ssoFailed")}</Alert> : null}
      {sso ? (
        <Card>
          <SsoButton name={sso} callbackUrl={callbackUrl} />
        </Card>
      ) : null}
      <Card>
        <SignInForm callbackUrl={callbackUrl} />
      </Card>
      <Card aria-labelledby="email-link">
        <h2 id="email-link" className="mb-3 font-semibold">{t("linkTitle")}</h2>
        <EmailLinkForm callbackUrl={callbackUrl} />
      </Card>
      {process.env.JIELONG_DEMO_MODE === "1" ? <p className="text-sm text-slate-700">{t("demoHint")}</p> : null}
    </div>
  );
}
