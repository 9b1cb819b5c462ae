import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { QuizForm } from "@/components/quiz/quiz-form";
import { buttonClass } from "@/components/ui/button";
import { loadAssignmentForTaking } from "@/lib/attempt/loaders";
import { localize } from "@/lib/content/localize";
import type { TLocalizedText } from "@/lib/quiz/schema";

export default async function AssignmentPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const [assignment, locale, t] = await Promise.all([loadAssignmentForTaking(assignmentId), getLocale(), getTranslations("quiz")]);
  const title = localize(assignment.title as TLocalizedText, locale);
  return (
    <div className="flex flex-col gap-6">
      <header>
        <p className="text-sm font-medium text-teal-900">{assignment.className}</p>
        <h1 className="text-3xl font-bold">{title}</h1>
        <Link href={`/lectures/${assignment.lectureSlug}`} className={`${buttonClass("link")} mt-2`}>
          {t("readLecture")}
        </Link>
      </header>
      <QuizForm assignmentId={assignment.id} questions={assignment.questions} />
    </div>
  );
}
