/**
 * Timing for things that must not run on every keystroke or mouse move: the caseload search
 * (coalesced, so a fast typist never queues searches, and late answers never overwrite newer
 * ones), the passport preview (debounced while print options change) and the "still here"
 * signal that keeps the idle lock away (throttled).
 */

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** Runs the pending call now (e.g. on Enter). */
  flush(): void;
  cancel(): void;
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | undefined;
  const run = () => {
    timer = undefined;
    if (pending) {
      const args = pending;
      pending = undefined;
      fn(...args);
    }
  };
  const debounced = ((...args: A) => {
    pending = args;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, ms);
  }) as Debounced<A>;
  debounced.flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    run();
  };
  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  return debounced;
}

/** Calls `fn` at most once per `ms`; calls in between are dropped (they would say the same). */
export function throttle<A extends unknown[]>(
  fn: (...args: A) => void,
  ms: number,
  now: () => number = () => Date.now(),
): (...args: A) => void {
  let last = -Infinity;
  return (...args: A) => {
    const t = now();
    if (t - last >= ms) {
      last = t;
      fn(...args);
    }
  };
}

/** A call that runs at once when it can; see {@link coalesce}. */
export interface Coalesced {
  (): void;
  /** Forgets a waiting call (the screen went away). */
  cancel(): void;
}

/**
 * Runs `fn` at once when it is not already running, and otherwise once more as soon as the
 * running call ends. Search as you type uses it: the first keystroke searches with no delay,
 * and however fast someone types there is never more than one search waiting, which reads
 * the text as it is by then.
 */
export function coalesce(fn: () => Promise<void>): Coalesced {
  let running = false;
  let waiting = false;
  const run = (() => {
    if (running) {
      waiting = true;
      return;
    }
    running = true;
    void fn().finally(() => {
      running = false;
      if (waiting) {
        waiting = false;
        run();
      }
    });
  }) as Coalesced;
  run.cancel = () => {
    waiting = false;
  };
  return run;
}

/**
 * Runs searches so that only the newest answer is shown: each call gets a ticket, and a
 * result whose ticket is no longer the latest is dropped.
 */
export function latestOnly<Q, R>(search: (query: Q) => Promise<R>) {
  let ticket = 0;
  return async (query: Q): Promise<{ current: true; result: R } | { current: false }> => {
    const mine = ++ticket;
    const result = await search(query);
    return mine === ticket ? { current: true, result } : { current: false };
  };
}
