import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { TPlaygroundModel } from "@/lib/playground/loaders";

import { WordChainPlayground } from "./word-chain-playground";

/** The lecture's word-chain playground, or why it cannot run here */
export async function PlaygroundSection({ model, signedIn, returnTo }: { model: TPlaygroundModel | null; signedIn: boolean; returnTo: string }) {
  const t = await getTranslations("playground");
  return (
    <Card aria-labelledby="playground" className="flex flex-col gap-3" data-testid="playground">
      <h2 id="playground" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-slate-800">{t("intro")}</p>
      {model ? (
        <>
          <p className="text-sm text-slate-800" data-testid="playground-model">
            {t(model.source === "local" ? "modelLocal" : "modelRemote", { name: model.name })}
          </p>
          <p className="text-sm text-slate-800">{t("realProbabilities")}</p>
          {signedIn ? (
            <WordChainPlayground defaultPrefix={t("defaultPrefix")} />
          ) : (
            <div className="flex flex-wrap items-center gap-3">
              <p className="text-sm text-slate-800">{t("signInToTry")}</p>
              <Link href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`} className={buttonClass("secondary")}>
                {t("signInLink")}
              </Link>
            </div>
          )}
        </>
      ) : (
        <Alert tone="info">
          <p className="font-semibold">{t("unavailableTitle")}</p>
          <p className="mt-1">{t("unavailable")}</p>
          <p className="mt-1">{t("unavailableAdmin")}</p>
        </Alert>
      )}
    </Card>
  );
}
