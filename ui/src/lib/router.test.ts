import { describe, expect, it, vi } from 'vitest';
import { href, parse, Router, type HashWindow } from './router';

/** A stand-in window: setting the hash fires hashchange asynchronously, as browsers do. */
function fakeWindow(start = '#/') {
  const listeners = new Set<() => void>();
  const replaced: string[] = [];
  let hash = start;
  const win: HashWindow & { replaced: string[]; userGoes(to: string): Promise<void> } = {
    location: {
      get hash() {
        return hash;
      },
      set hash(value: string) {
        hash = value.startsWith('#') ? value : `#${value}`;
        queueMicrotask(() => listeners.forEach((l) => l()));
      },
    },
    history: {
      replaceState(_data, _unused, url) {
        if (url) hash = url;
        replaced.push(url ?? '');
      },
    },
    addEventListener: (_type, l) => listeners.add(l),
    removeEventListener: (_type, l) => listeners.delete(l),
    replaced,
    /** The person clicks a link or presses Back: the address changes, then hashchange. */
    async userGoes(to: string) {
      hash = to;
      listeners.forEach((l) => l());
      await new Promise((r) => setTimeout(r, 0));
    },
  };
  return win;
}

describe('parse and href', () => {
  it('matches fixed words before parameters', () => {
    expect(parse('#/children/new').name).toBe('child-new');
    expect(parse('#/children/abc')).toMatchObject({ name: 'child', params: { id: 'abc' } });
    expect(parse('#/children/abc/contacts/new')).toMatchObject({ name: 'contact-new', params: { id: 'abc' } });
    expect(parse('#/children/abc/contacts/c9')).toMatchObject({ name: 'contact-edit', params: { id: 'abc', contactId: 'c9' } });
    expect(parse('#/equipment/i1')).toMatchObject({ name: 'item', params: { id: 'i1' } });
    expect(parse('').name).toBe('caseload');
    expect(parse('#/').name).toBe('caseload');
    expect(parse('#/nowhere/at/all').name).toBe('not-found');
  });

  it('builds addresses that parse back', () => {
    expect(href('passport', { id: 'c 1' })).toBe('#/children/c%201/passport');
    expect(parse(href('passport', { id: 'c 1' })).params.id).toBe('c 1');
    expect(() => href('child', {})).toThrow();
  });
});

describe('the unsaved-changes guard', () => {
  it('goes straight on when nothing is unsaved', async () => {
    const win = fakeWindow();
    const confirmLeave = vi.fn(async () => true);
    const router = new Router(win, { isDirty: () => false, confirmLeave });
    const seen: string[] = [];
    router.start();
    router.subscribe((r) => seen.push(r.name));
    expect(await router.go('#/due')).toBe(true);
    await win.userGoes('#/suppliers');
    expect(seen).toEqual(['caseload', 'due', 'suppliers']);
    expect(confirmLeave).not.toHaveBeenCalled();
  });

  it('asks before leaving a changed form, and stays when told to', async () => {
    const win = fakeWindow('#/children/new');
    const router = new Router(win, { isDirty: () => true, confirmLeave: async () => false });
    const seen: string[] = [];
    router.start();
    router.subscribe((r) => seen.push(r.name));
    expect(await router.go('#/due')).toBe(false);
    expect(router.route.name).toBe('child-new');
    // A link or Back: the address is put back while the question is open.
    await win.userGoes('#/suppliers');
    expect(win.location.hash).toBe('#/children/new');
    expect(router.route.name).toBe('child-new');
    expect(seen).toEqual(['child-new']);
  });

  it('leaves when the person agrees', async () => {
    const win = fakeWindow('#/children/new');
    const router = new Router(win, { isDirty: () => true, confirmLeave: async () => true });
    router.start();
    await win.userGoes('#/due');
    expect(router.route.name).toBe('due');
    expect(win.location.hash).toBe('#/due');
    expect(win.replaced).toEqual(['#/children/new', '#/due']);
  });

  it('does not ask after a save or delete (force)', async () => {
    const win = fakeWindow('#/children/new');
    const confirmLeave = vi.fn(async () => false);
    const router = new Router(win, { isDirty: () => true, confirmLeave });
    router.start();
    expect(await router.go('#/children/abc', { force: true })).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(router.route).toMatchObject({ name: 'child', params: { id: 'abc' } });
    expect(confirmLeave).not.toHaveBeenCalled();
  });

  it('asks once even when the person clicks twice', async () => {
    const win = fakeWindow('#/settings');
    let answer: (yes: boolean) => void = () => undefined;
    const confirmLeave = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));
    const router = new Router(win, { isDirty: () => true, confirmLeave });
    const first = router.go('#/due');
    const second = router.go('#/due');
    expect(await second).toBe(false);
    answer(true);
    expect(await first).toBe(true);
    expect(confirmLeave).toHaveBeenCalledTimes(1);
  });
});
