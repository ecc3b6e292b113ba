/**
 * Field paths to inputs. The core names a problem by the path of the field in the DTO it was
 * given (`nhs_number`, `setup_steps[2].text`, `sling.sling_id`, `wheelchair.seat_width_mm`);
 * every input carries `name` = that path and `id` = `fieldId(path)`, so an error finds its
 * input without a table of special cases, and the end-to-end tests can find the inputs too.
 */

import type { FieldError } from '../generated/FieldError';

/** `setup_steps[2].text` → `field-setup_steps-2-text`: a valid, readable HTML id. */
export function fieldId(path: string): string {
  const tail = path
    .replace(/\[(\d+)\]/g, '-$1')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `field-${tail}`;
}

/** The id of the element holding a field's error message (for `aria-describedby`). */
export function errorId(path: string): string {
  return `${fieldId(path)}-error`;
}

/** The id of a field's hint text. */
export function hintId(path: string): string {
  return `${fieldId(path)}-hint`;
}

/** Shorter and shorter paths: `a.b[1].c`, `a.b[1]`, `a.b`, `a`. */
export function ancestors(path: string): string[] {
  const out: string[] = [];
  let p = path;
  while (p !== '') {
    out.push(p);
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut > 0 ? p.slice(0, cut) : '';
  }
  return out;
}

/**
 * The id an error summary link should jump to: the field's own input if it is on the page,
 * else the nearest enclosing field that is (a list, a section), else none. `exists` is
 * injected so this can be tested without a page.
 */
export function targetId(path: string, exists: (id: string) => boolean): string | null {
  for (const p of ancestors(path)) {
    const id = fieldId(p);
    if (exists(id)) return id;
  }
  return null;
}

/** Field errors gathered by path, with the aliases a screen needs (e.g. `passphrase` → `new`). */
export class FieldErrors {
  private readonly byPath = new Map<string, string[]>();
  readonly list: FieldError[];

  constructor(errors: FieldError[] = [], aliases: Record<string, string> = {}) {
    this.list = errors.map((e) => ({ field: aliases[e.field] ?? e.field, message: e.message }));
    for (const e of this.list) {
      const messages = this.byPath.get(e.field) ?? [];
      messages.push(e.message);
      this.byPath.set(e.field, messages);
    }
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** The message for exactly this field, or undefined. */
  of(path: string): string | undefined {
    const messages = this.byPath.get(path);
    return messages ? messages.map(sentence).join('. ') : undefined;
  }

  /** Whether this field or anything inside it has a problem (to mark a whole section). */
  within(path: string): boolean {
    return this.list.some(
      (e) => e.field === path || e.field.startsWith(`${path}.`) || e.field.startsWith(`${path}[`),
    );
  }
}

/** Messages from the core start in lower case ("enter the first name"): show them as sentences. */
export function sentence(message: string): string {
  const m = message.trim();
  return m === '' ? m : m.charAt(0).toUpperCase() + m.slice(1);
}
