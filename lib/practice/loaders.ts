import "server-only";
import { db } from "@/lib/core/db";
import { requireUser } from "@/lib/core/session";
import { findProgress } from "./progress";
import { findReviewQueue } from "./review-queue";

/** The caller's review queue and its first due question. */
export async function loadReviewQueue() {
  const user = await requireUser("/review");
  return findReviewQueue(db, user.id, new Date());
}

/** The caller's mastery of each concept of the lecture, with the attempts behind it. */
export async function loadProgress() {
  const user = await requireUser("/progress");
  return findProgress(db, user.id, new Date());
}
