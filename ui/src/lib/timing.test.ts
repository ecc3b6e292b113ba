import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce, debounce, latestOnly, throttle } from './timing';

describe('debounce (the passport preview while options change)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends one search after typing stops, with the last text', () => {
    const search = vi.fn();
    const typed = debounce(search, 150);
    for (const text of ['z', 'zo', 'zoe']) {
      typed(text);
      vi.advanceTimersByTime(100);
    }
    expect(search).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(search).toHaveBeenCalledTimes(1);
    expect(search).toHaveBeenCalledWith('zoe');
  });

  it('runs at once on flush (Enter) and not again afterwards', () => {
    const search = vi.fn();
    const typed = debounce(search, 150);
    typed('hughes');
    typed.flush();
    expect(search).toHaveBeenCalledWith('hughes');
    vi.advanceTimersByTime(500);
    expect(search).toHaveBeenCalledTimes(1);
    typed.flush();
    expect(search).toHaveBeenCalledTimes(1);
  });

  it('does nothing after cancel (the screen went away)', () => {
    const search = vi.fn();
    const typed = debounce(search, 150);
    typed('x');
    typed.cancel();
    vi.advanceTimersByTime(500);
    expect(search).not.toHaveBeenCalled();
  });
});

describe('coalesce (search as you type)', () => {
  function searches() {
    const asked: Array<() => void> = [];
    const search = vi.fn(() => new Promise<void>((resolve) => asked.push(resolve)));
    return { search, asked, settle: async (i: number) => { asked[i]!(); await Promise.resolve(); await Promise.resolve(); } };
  }

  it('searches at once on the first keystroke', () => {
    const { search } = searches();
    coalesce(search)();
    expect(search).toHaveBeenCalledTimes(1);
  });

  it('keeps one search waiting while one runs, however many keys are pressed', async () => {
    const { search, settle } = searches();
    const typed = coalesce(search);
    typed();
    typed();
    typed();
    typed();
    expect(search).toHaveBeenCalledTimes(1);
    await settle(0);
    expect(search).toHaveBeenCalledTimes(2);
    await settle(1);
    expect(search).toHaveBeenCalledTimes(2);
  });

  it('runs nothing more after cancel (the screen went away)', async () => {
    const { search, settle } = searches();
    const typed = coalesce(search);
    typed();
    typed();
    typed.cancel();
    await settle(0);
    expect(search).toHaveBeenCalledTimes(1);
  });
});

describe('latestOnly', () => {
  it('drops an answer that arrives after a newer search was sent', async () => {
    const pending: Array<(value: string) => void> = [];
    const run = latestOnly((q: string) => new Promise<string>((resolve) => pending.push(() => resolve(`results for ${q}`))));
    const older = run('zo');
    const newer = run('zoe');
    pending[1]!('');
    pending[0]!('');
    expect(await newer).toEqual({ current: true, result: 'results for zoe' });
    expect(await older).toEqual({ current: false });
  });
});

describe('still-here throttle', () => {
  it('tells the shell at most once in each period', () => {
    let now = 0;
    const tell = vi.fn();
    const activity = throttle(tell, 30_000, () => now);
    activity();
    now = 10_000;
    activity();
    now = 29_999;
    activity();
    expect(tell).toHaveBeenCalledTimes(1);
    now = 30_000;
    activity();
    expect(tell).toHaveBeenCalledTimes(2);
  });
});
