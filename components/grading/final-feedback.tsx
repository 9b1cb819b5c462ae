"use client";

import { useRouter } from "next/navigation";
import { FeedbackStream } from "./feedback-stream";

/** A submitted open answer's grading; when it finishes while the page is open, the totals are reloaded. */
export function FinalFeedback({ roundId, refreshOnEnd }: { roundId: string; refreshOnEnd: boolean }) {
  const router = useRouter();
  return <FeedbackStream roundId={roundId} practice={false} onEnd={refreshOnEnd ? () => router.refresh() : undefined} />;
}
