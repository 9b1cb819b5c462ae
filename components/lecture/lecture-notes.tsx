import Markdown from "react-markdown";
import { splitNotes } from "@/lib/content/split-notes";

// react-markdown renders no raw HTML, so notes can never inject markup.
export function LectureNotes({ markdown, sectionIds }: { markdown: string; sectionIds: string[] }) {
  return (
    <div className="flex flex-col gap-8">
      {splitNotes(markdown).map((part, index) => (
        <section key={sectionIds[index] ?? index} id={sectionIds[index]} aria-labelledby={`${sectionIds[index]}-title`} className="scroll-mt-4">
          <h2 id={`${sectionIds[index]}-title`} className="mb-3 text-2xl font-semibold text-slate-950">
            {part.heading}
          </h2>
          <div className="prose-notes flex flex-col gap-3 leading-relaxed text-slate-900">
            <Markdown
              components={{
                ul: (props) => <ul className="ml-6 list-disc space-y-1" {...props} />,
                strong: (props) => <strong className="font-semibold text-slate-950" {...props} />,
              }}
            >
              {part.body}
            </Markdown>
          </div>
        </section>
      ))}
    </div>
  );
}
