import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ClassList } from "@/components/home/class-list";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { localize } from "@/lib/content/localize";
import { loadLectureList } from "@/lib/content/loaders";
import { getSessionUser } from "@/lib/core/session";
import { findMyClasses } from "@/lib/roster/data";

export default async function HomePage() {
  const [t, locale, user, lectures] = await Promise.all([getTranslations("home"), getLocale(), getSessionUser(), loadLectureList()]);
  const classes = user ? await findMyClasses(user.id) : [];
  return (
    <div className="flex flex-col gap-8">
      <section className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold text-slate-950">{t("heroTitle")}</h1>
        <p className="max-w-3xl text-lg text-slate-800">{t("heroBody")}</p>
        {!user ? (
          <p>
            <Link href="/signin" className={buttonClass()}>
              {t("signInCta")}
            </Link>
          </p>
        ) : null}
      </section>

      {user ? (
        <section aria-labelledby="my-classes" className="flex flex-col gap-3">
          <h2 id="my-classes" className="text-2xl font-semibold">
            {t("myClasses")}
          </h2>
          {classes.length === 0 ? <p>{t("noClasses")}</p> : <ClassList classes={classes} />}
          <p className="flex flex-wrap gap-3">
            <Link href="/join" className={buttonClass("secondary")}>
              {t("joinClass")}
            </Link>
            {user.canTeach ? (
              <Link href="/classes/new" className={buttonClass("secondary")}>
                {t("createClass")}
              </Link>
            ) : null}
            {user.siteRole === "ADMIN" ? (
              <Link href="/admin/teachers" className={buttonClass("secondary")}>
                {t("manageTeachers")}
              </Link>
            ) : null}
          </p>
        </section>
      ) : null}

      <section aria-labelledby="lectures" className="flex flex-col gap-3">
        <h2 id="lectures" className="text-2xl font-semibold">
          {t("lectures")}
        </h2>
        {lectures.map((lecture) => (
          <Card key={lecture.slug}>
            <h3 className="text-xl font-semibold">{localize(lecture.title, locale)}</h3>
            <p className="mt-2 text-slate-800">{localize(lecture.summary, locale)}</p>
            <Link href={`/lectures/${lecture.slug}`} className={`${buttonClass("link")} mt-3`}>
              {t("readNotes")}
            </Link>
          </Card>
        ))}
      </section>
    </div>
  );
}
