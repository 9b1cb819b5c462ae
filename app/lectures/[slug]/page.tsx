import { getLocale, getTranslations } from "next-intl/server";
import "katex/dist/katex.min.css";
import { LectureNotes } from "@/components/lecture/lecture-notes";
import { PlaygroundSection } from "@/components/playground/playground-section";
import { Card } from "@/components/ui/card";
import { localize } from "@/lib/content/localize";
import { loadLecture } from "@/lib/content/loaders";
import type { TLocale } from "@/lib/core/locales";
import { loadPlayground } from "@/lib/playground/loaders";
import type { TLocalizedText } from "@/lib/quiz/schema";

export default async function LecturePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [lecture, locale, t, playground] = await Promise.all([loadLecture(slug), getLocale(), getTranslations("lecture"), loadPlayground()]);
  return (
    <article className="flex flex-col gap-6">
      <header>
        <p className="text-sm font-medium text-teal-900">{t("lectureNumber", { number: lecture.data.number })}</p>
        <h1 className="text-3xl font-bold">{localize(lecture.data.title, locale)}</h1>
        <p className="mt-2 text-lg text-slate-800">{localize(lecture.data.summary, locale)}</p>
      </header>
      <Card>
        <nav aria-labelledby="toc">
          <h2 id="toc" className="font-semibold">
            {t("sections")}
          </h2>
          <ol className="ml-6 mt-2 list-decimal space-y-1">
            {lecture.data.sections.map((section) => (
              <li key={section.id}>
                <a className="text-teal-800 underline underline-offset-2" href={`#${section.id}`}>
                  {localize(section.title, locale)}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      </Card>
      <LectureNotes markdown={lecture.notes[locale as TLocale] ?? lecture.notes["zh-TW"]} sectionIds={lecture.data.sections.map((s) => s.id)} checks={lecture.checks} />
      <PlaygroundSection model={playground.model} signedIn={playground.signedIn} returnTo={`/lectures/${slug}#playground`} />
      {lecture.quizzes.length > 0 ? (
        <Card>
          <h2 className="font-semibold">{t("quizzes")}</h2>
          <ul className="ml-6 mt-2 list-disc">
            {lecture.quizzes.map((quiz) => (
              <li key={quiz.slug}>{localize(quiz.title as TLocalizedText, locale)}</li>
            ))}
          </ul>
        </Card>
      ) : null}
    </article>
  );
}
