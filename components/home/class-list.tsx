import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { localize } from "@/lib/content/localize";
import type { TLocalizedText } from "@/lib/quiz/schema";
import type { findMyClasses } from "@/lib/roster/data";

type TClasses = Awaited<ReturnType<typeof findMyClasses>>;

export async function ClassList({ classes }: { classes: TClasses }) {
  const [t, ta, locale, format] = await Promise.all([getTranslations("home"), getTranslations("analytics"), getLocale(), getFormatter()]);
  return (
    <ul className="flex flex-col gap-4">
      {classes.map((klass) => (
        <li key={klass.id}>
          <Card aria-labelledby={`class-${klass.id}`}>
            <div className="flex flex-wrap items-center gap-3">
              <h3 id={`class-${klass.id}`} className="text-xl font-semibold">
                {klass.name}
              </h3>
              <Badge>{t(`role${klass.role}`)}</Badge>
              {klass.term ? <span className="text-sm text-slate-700">{klass.term}</span> : null}
            </div>
            {klass.waiting ? (
              <p className="mt-3 text-amber-950">{t("waitingApproval")}</p>
            ) : klass.role === "STUDENT" ? (
              <div className="mt-3">
                <h4 className="font-medium">{t("assignments")}</h4>
                {klass.assignments.length === 0 ? <p>{t("noAssignments")}</p> : null}
                <ul className="mt-2 flex flex-col gap-2">
                  {klass.assignments.map((assignment) => (
                    <li key={assignment.id} className="flex flex-wrap items-center gap-3">
                      <span>{localize(assignment.title as TLocalizedText, locale)}</span>
                      {assignment.mode === "EXAM" ? <Badge>{t("exam")}</Badge> : null}
                      {assignment.closesAt ? (
                        <span className="text-sm text-slate-700">{t("closesAt", { time: format.dateTime(assignment.closesAt, { dateStyle: "medium", timeStyle: "short" }) })}</span>
                      ) : null}
                      {assignment.lastAttempt ? (
                        <>
                          <span className="text-sm text-slate-700">
                            {assignment.scoreReleased ? t("lastScore", { score: assignment.lastAttempt.score ?? 0, max: assignment.lastAttempt.maxScore ?? 0 }) : t("scoreAfterClose")}
                          </span>
                          <Link href={`/attempts/${assignment.lastAttempt.id}`} className={buttonClass("link")}>
                            {t("viewResult")}
                          </Link>
                        </>
                      ) : null}
                      <Link href={`/assignments/${assignment.id}`} className={buttonClass(assignment.lastAttempt ? "secondary" : "primary")}>
                        {assignment.lastAttempt ? t("retake") : t("start")}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <div className="mt-3 flex flex-wrap items-center gap-3">
                <span className="text-sm text-slate-700">{t("students", { count: klass.studentCount })}</span>
                <Link href={`/classes/${klass.id}`} className={buttonClass()}>
                  {t("openClass")}
                </Link>
                <Link href={`/classes/${klass.id}/overview`} className={buttonClass("secondary")}>
                  {ta("toOverview")}
                </Link>
                <Link href={`/classes/${klass.id}/roster`} className={buttonClass("secondary")}>
                  {t("openRoster")}
                </Link>
              </div>
            )}
          </Card>
        </li>
      ))}
    </ul>
  );
}
