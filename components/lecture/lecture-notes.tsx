import Markdown from "react-markdown";
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";
import { splitNotes } from "@/lib/content/split-notes";
import type { TPublicQuestion } from "@/lib/quiz/public-question";
import { CheckYourself } from "./check-yourself";

// react-markdown renders no raw HTML, so notes can never inject markup; $…$ is typeset by KaTeX.
export function LectureNotes({ markdown, sectionIds, checks }: { markdown: string; sectionIds: string[]; checks: Record<string, TPublicQuestion> }) {
  return (
    <div className="flex flex-col gap-8">
      {splitNotes(markdown).map((part, index) => {
        const id = sectionIds[index] ?? `section-${index}`;
        const check = checks[id];
        return (
          <section key={id} id={id} aria-labelledby={`${id}-title`} className="scroll-mt-4">
            <h2 id={`${id}-title`} className="mb-3 text-2xl font-semibold text-slate-950">
              {part.heading}
            </h2>
            <div className="flex flex-col gap-3 leading-relaxed text-slate-900">
              <Markdown
                remarkPlugins={[remarkMath]}
                rehypePlugins={[rehypeKatex]}
                components={{
                  ul: (props) => <ul className="ml-6 list-disc space-y-1" {...props} />,
                  strong: (props) => <strong className="font-semibold text-slate-950" {...props} />,
                }}
              >
                {part.body}
              </Markdown>
            </div>
            {check ? <CheckYourself question={check} /> : null}
          </section>
        );
      })}
    </div>
  );
}
