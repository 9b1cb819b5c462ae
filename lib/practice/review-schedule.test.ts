import { describe, expect, it } from "vitest";
import { needsReview, ratingFor, schedule, toStored } from "./review-schedule";

const DAY = 24 * 60 * 60 * 1000;

describe("review scheduling with FSRS", () => {
  it("rates results: all right good, half or more hard, less again", () => {
    expect([ratingFor(1), ratingFor(0.5), ratingFor(0.49), ratingFor(0)]).toEqual([3, 2, 1, 1]);
    expect([needsReview(1), needsReview(0.75), needsReview(0)]).toEqual([false, true, true]);
  });

  it("brings a missed question back soon, and a question answered right again and again later each time", () => {
    const now = new Date("2026-11-28T09:00:00Z");
    const missed = schedule(null, 0, now);
    expect(missed.due.getTime() - now.getTime()).toBeLessThan(DAY);
    let card = missed;
    let when = card.due;
    const gaps: number[] = [];
    for (let i = 0; i < 4; i++) {
      card = schedule(toStored(card), 1, when);
      gaps.push(card.due.getTime() - when.getTime());
      when = card.due;
    }
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1]!);
    expect(gaps.at(-1)).toBeGreaterThan(3 * DAY);
    // A lapse after that pulls it back within a day again.
    const lapse = schedule(toStored(card), 0, when);
    expect(lapse.due.getTime() - when.getTime()).toBeLessThan(DAY);
    expect(lapse.lapses).toBe(1);
  });

  it("takes a result dated before the card's last review (a late attempt counted at its deadline) without failing", () => {
    const reviewed = schedule(null, 0, new Date("2026-11-20T10:00:00Z"));
    const earlier = schedule(toStored(reviewed), 1, new Date("2026-11-20T09:00:00Z"));
    expect(earlier.reps).toBe(reviewed.reps + 1);
    expect(earlier.last_review).toEqual(reviewed.last_review);
  });
});
