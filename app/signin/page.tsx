import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/card";

// Only same-site paths are accepted as the place to return to after signing in.
const ZCallback = z.string().regex(/^\/(?!\/)[^\s]*$/).catch("/");

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const t = await getTranslations("signIn");
  const callbackUrl = ZCallback.parse((await searchParams).callbackUrl ?? "/");
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Card>
        <SignInForm callbackUrl={callbackUrl} />
      </Card>
      {process.env.JIELONG_DEMO_MODE === "1" ? <p className="text-sm text-slate-700">{t("demoHint")}</p> : null}
    </div>
  );
}
