/**
 * The one source of time. Services ask the clock, never `new Date()`, so that deadlines, reminders
 * and overdue states can be tested (and demonstrated) at any date.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until it is moved: for tests and for the demo. */
export class FixedClock implements Clock {
  #time: number;

  constructor(at: Date | string) {
    this.#time = new Date(at).getTime();
  }

  now(): Date {
    return new Date(this.#time);
  }

  set(at: Date | string): void {
    this.#time = new Date(at).getTime();
  }

  advance(milliseconds: number): void {
    this.#time += milliseconds;
  }
}

/** Timestamps are stored as ISO-8601 UTC text in both engines, so they sort and compare as strings. */
export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}

/**
 * A clock that starts at a chosen instant and moves on in real time (ANSWERABLE_NOW): a demo can run
 * "on 3 November 2025" with sessions, leases and reminders behaving as they would on that day.
 */
export class OffsetClock implements Clock {
  readonly #offset: number;
  readonly #realNow: () => number;

  constructor(startAt: Date | string, realNow: () => number = Date.now) {
    this.#realNow = realNow;
    this.#offset = new Date(startAt).getTime() - realNow();
  }

  now(): Date {
    return new Date(this.#realNow() + this.#offset);
  }
}
