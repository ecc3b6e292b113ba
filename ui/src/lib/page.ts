/** The window title follows the page, so the window list and screen readers name it. */
export function setTitle(page: string): void {
  document.title = page ? `${page} – Equipment Passport` : 'Equipment Passport';
}
