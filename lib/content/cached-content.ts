import { loadContent, type TContent } from "./load-content";

// Content files do not change while the server runs (npm start re-syncs them on start).
let contentPromise: Promise<TContent> | undefined;
export function content(): Promise<TContent> {
  contentPromise ??= loadContent();
  return contentPromise;
}

/** Every concept of every lecture, in lecture order: what mastery is measured on. */
export async function loadConcepts() {
  const { lectures } = await content();
  return [...lectures]
    .sort((a, b) => a.data.number - b.data.number)
    .flatMap((lecture) => lecture.data.concepts.map((concept) => ({ id: concept.id, name: concept.name, lectureSlug: lecture.slug })));
}
