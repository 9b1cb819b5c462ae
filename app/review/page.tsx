import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ReviewQuestion } from "@/components/practice/review-question";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { loadReviewQueue } from "@/lib/practice/loaders";

export default async function ReviewPage() {
  const [queue, t, format] = await Promise.all([loadReviewQueue(), getTranslations("review"), getFormatter()]);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-slate-800">{t("intro")}</p>
        <p className="font-medium" data-testid="review-counts">
          {t("counts", { due: queue.due, total: queue.total })}
        </p>
      </header>
      {queue.question ? (
        <ReviewQuestion key={`${queue.question.questionUuid}:${queue.due}`} questionUuid={queue.question.questionUuid} question={queue.question.public} />
      ) : (
        <Card>
          <p>{queue.total === 0 ? t("empty") : t("nothingDue", { time: queue.nextDue ? format.dateTime(queue.nextDue, { dateStyle: "medium", timeStyle: "short" }) : "" })}</p>
          <Link href="/progress" className={`${buttonClass("link")} mt-2`}>
            {t("toProgress")}
          </Link>
        </Card>
      )}
    </div>
  );
}
