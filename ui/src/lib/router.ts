/**
 * A small hash router. Addresses look like `#/children/<id>`, so the app needs no server and
 * Back/Forward work. Leaving a page with unsaved changes asks first: the guard is consulted on
 * every change of address, whether from a link, a button or the Back key.
 */

export type RouteName =
  | 'caseload'
  | 'child-new'
  | 'child'
  | 'child-edit'
  | 'contact-new'
  | 'contact-edit'
  | 'item-new'
  | 'item'
  | 'passport'
  | 'child-history'
  | 'item-history'
  | 'due'
  | 'notices'
  | 'notice'
  | 'dfg-cases'
  | 'dfg-new'
  | 'dfg-case'
  | 'suppliers'
  | 'supplier-new'
  | 'supplier-edit'
  | 'schools'
  | 'school-new'
  | 'school-edit'
  | 'print-school'
  | 'settings'
  | 'transfer'
  | 'child-export'
  | 'not-found';

export interface Route {
  name: RouteName;
  params: Record<string, string>;
  /** The hash it came from, e.g. `#/children/abc`. */
  hash: string;
}

// Order matters: fixed segments (`new`) come before parameters that would also match them.
const TABLE: ReadonlyArray<readonly [RouteName, string]> = [
  ['caseload', '/'],
  ['child-new', '/children/new'],
  ['child-edit', '/children/:id/edit'],
  ['contact-new', '/children/:id/contacts/new'],
  ['contact-edit', '/children/:id/contacts/:contactId'],
  ['item-new', '/children/:id/equipment/new'],
  ['passport', '/children/:id/passport'],
  ['child-history', '/children/:id/history'],
  ['child-export', '/children/:id/export'],
  ['item-history', '/equipment/:id/history'],
  ['child', '/children/:id'],
  ['item', '/equipment/:id'],
  ['due', '/due'],
  ['notices', '/notices'],
  ['notice', '/notices/:id'],
  ['dfg-new', '/children/:id/dfg/new'],
  ['dfg-cases', '/dfg'],
  ['dfg-case', '/dfg/:id'],
  ['supplier-new', '/suppliers/new'],
  ['supplier-edit', '/suppliers/:id'],
  ['suppliers', '/suppliers'],
  ['school-new', '/schools/new'],
  ['school-edit', '/schools/:id'],
  ['schools', '/schools'],
  ['print-school', '/print'],
  ['settings', '/settings'],
  ['transfer', '/transfer'],
];

export function parse(hash: string): Route {
  const path = (hash.replace(/^#/, '').split('?')[0] ?? '') || '/';
  const parts = path.split('/').filter((p) => p !== '');
  for (const [name, pattern] of TABLE) {
    const want = pattern.split('/').filter((p) => p !== '');
    if (want.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = want.every((segment, i) => {
      const got = parts[i]!;
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = decodeURIComponent(got);
        return true;
      }
      return segment === got;
    });
    if (matches) return { name, params, hash: `#${path}` };
  }
  return { name: 'not-found', params: {}, hash: `#${path}` };
}

/** The address of a route: `href('child', {id})` → `#/children/<id>`. */
export function href(name: Exclude<RouteName, 'not-found'>, params: Record<string, string> = {}): string {
  const pattern = TABLE.find(([n]) => n === name)![1];
  const path = pattern.replace(/:([A-Za-z]+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`href(${name}) needs ${key}`);
    return encodeURIComponent(value);
  });
  return `#${path}`;
}

/** What the router asks before leaving a page. */
export interface Guard {
  /** Whether the page being left has changes that would be lost. */
  isDirty(): boolean;
  /** Asks the person whether to leave anyway. */
  confirmLeave(): Promise<boolean>;
}

/** The parts of `window` the router uses, so tests can give it a stand-in. */
export interface HashWindow {
  location: { hash: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

export class Router {
  private shown: string;
  private readonly listeners = new Set<(route: Route) => void>();
  private readonly onChange = () => void this.follow();
  private asking = false;

  constructor(
    private readonly win: HashWindow,
    private readonly guard: Guard,
  ) {
    this.shown = parse(win.location.hash).hash;
  }

  get route(): Route {
    return parse(this.shown);
  }

  /** Starts following the address; returns a function that stops. */
  start(): () => void {
    this.win.addEventListener('hashchange', this.onChange);
    return () => this.win.removeEventListener('hashchange', this.onChange);
  }

  subscribe(listener: (route: Route) => void): () => void {
    this.listeners.add(listener);
    listener(this.route);
    return () => this.listeners.delete(listener);
  }

  /**
   * Goes to `hash`, asking first if the page has unsaved changes. With `force`, goes without
   * asking (after the page has saved or deleted what it held). Resolves to whether it went.
   */
  async go(hash: string, options: { force?: boolean } = {}): Promise<boolean> {
    const target = parse(hash).hash;
    if (target === this.shown) {
      this.emit();
      return true;
    }
    if (!options.force && !(await this.mayLeave())) return false;
    this.shown = target;
    // Setting the hash fires `hashchange`; `follow` sees it is already shown and stays quiet.
    this.win.location.hash = target;
    this.emit();
    return true;
  }

  /** Called on `hashchange` (links, Back, Forward). */
  async follow(): Promise<void> {
    const target = parse(this.win.location.hash).hash;
    if (target === this.shown) return;
    if (this.guard.isDirty()) {
      // Put the page's own address back while asking, so address and page agree if the
      // person chooses to stay. replaceState does not fire another hashchange.
      this.win.history.replaceState(null, '', this.shown);
      if (!(await this.mayLeave())) return;
      this.win.history.replaceState(null, '', target);
    }
    this.shown = target;
    this.emit();
  }

  private async mayLeave(): Promise<boolean> {
    if (!this.guard.isDirty()) return true;
    // A second click while the question is open is not a second question.
    if (this.asking) return false;
    this.asking = true;
    try {
      return await this.guard.confirmLeave();
    } finally {
      this.asking = false;
    }
  }

  private emit(): void {
    const route = this.route;
    this.listeners.forEach((l) => l(route));
  }
}
