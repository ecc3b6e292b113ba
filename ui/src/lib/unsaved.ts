/**
 * Which open forms hold changes not yet saved. A form registers a check while it is on the
 * page; the router asks `hasUnsaved()` before leaving, the Lock button before locking, and
 * the window before closing.
 */

const checks = new Set<() => boolean>();

/** Registers a form's "do I have unsaved changes?" check; returns the function that removes it. */
export function trackUnsaved(isDirty: () => boolean): () => void {
  checks.add(isDirty);
  return () => {
    checks.delete(isDirty);
  };
}

export function hasUnsaved(): boolean {
  for (const check of checks) if (check()) return true;
  return false;
}

/** Forgets every check: the forms are going away without saving (e.g. the caseload locked). */
export function forgetUnsaved(): void {
  checks.clear();
}

/** Serialises a form's values to compare with what was last saved. */
export function snapshot(value: unknown): string {
  return JSON.stringify(value);
}
