/**
 * Ordered lists edited with buttons (set-up steps, safety checks, dos and don'ts): pure
 * functions that return a new array, so they are easy to test and work with Svelte's state.
 * Moving focus after a move is the component's job; `focusAfter` says where it should go.
 */

export function addAt<T>(list: readonly T[], item: T, index: number = list.length): T[] {
  const i = Math.max(0, Math.min(index, list.length));
  return [...list.slice(0, i), item, ...list.slice(i)];
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  if (index < 0 || index >= list.length) return [...list];
  return [...list.slice(0, index), ...list.slice(index + 1)];
}

/** Moves the entry at `index` by `by` places (-1 up, +1 down); out-of-range moves do nothing. */
export function move<T>(list: readonly T[], index: number, by: number): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length || by === 0) return [...list];
  const out = [...list];
  const [entry] = out.splice(index, 1);
  out.splice(to, 0, entry as T);
  return out;
}

export function canMove(length: number, index: number, by: number): boolean {
  const to = index + by;
  return index >= 0 && index < length && to >= 0 && to < length && by !== 0;
}

/**
 * Where keyboard focus should land after an action, so a keyboard user keeps their place:
 * after a move, on the same button of the moved entry (or its other move button if that one
 * is now disabled); after a removal, on the entry that took its place, or the one before.
 */
export function focusAfter(
  action: 'move' | 'remove' | 'add',
  length: number,
  index: number,
  by = 0,
): { index: number; control: 'up' | 'down' | 'text' | 'add' } {
  if (action === 'add') return { index: length - 1, control: 'text' };
  if (action === 'remove') {
    if (length === 0) return { index: -1, control: 'add' };
    return { index: Math.min(index, length - 1), control: 'text' };
  }
  const to = index + by;
  let control: 'up' | 'down' = by < 0 ? 'up' : 'down';
  if (control === 'up' && to === 0) control = 'down';
  if (control === 'down' && to === length - 1) control = 'up';
  if (length < 2) return { index: to, control: 'text' };
  return { index: to, control };
}
