import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from "ts-fsrs";

// Spaced repetition of missed or weak questions with FSRS (the ts-fsrs package). A result is
// turned into a rating: all right is "good", at least half right is "hard", less is "again".

const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

export function ratingFor(ratio: number): Grade {
  if (ratio >= 0.999) return Rating.Good;
  if (ratio >= 0.5) return Rating.Hard;
  return Rating.Again;
}

/** Whether a first result puts a question in the queue: only missed or weak ones enter it. */
export function needsReview(ratio: number): boolean {
  return ratio < 0.999;
}

export type TStoredCard = Omit<Card, "due" | "last_review"> & { due: string; last_review?: string };

export function toStored(card: Card): TStoredCard {
  return { ...card, due: card.due.toISOString(), last_review: card.last_review?.toISOString() };
}

function fromStored(stored: TStoredCard): Card {
  return { ...stored, due: new Date(stored.due), last_review: stored.last_review ? new Date(stored.last_review) : undefined };
}

/**
 * The card after a result at `now`: a new card when there was none. A result dated before the
 * card's last review (an attempt submitted late by the clock counts at its deadline) is applied
 * at that review's time: FSRS refuses to go back in time, and the submission must not fail.
 */
export function schedule(previous: TStoredCard | null, ratio: number, now: Date): Card {
  const card = previous ? fromStored(previous) : createEmptyCard(now);
  const at = card.last_review && now < card.last_review ? card.last_review : now;
  return scheduler.next(card, at, ratingFor(ratio)).card;
}
