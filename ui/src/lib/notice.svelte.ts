/**
 * A one-line message at the top of the page after an action ("Zoë Hughes was deleted"),
 * announced politely to screen readers. It stays until the person moves to another page;
 * a message set just before moving (`{ next: true }`) is shown on the page moved to instead.
 */

class Notice {
  text = $state('');
  /** Keep the message through the next change of page (it was set just before it). */
  private carry = false;

  set(text: string, options: { next?: boolean } = {}): void {
    this.text = text;
    this.carry = options.next ?? false;
  }

  /** Called by the app shell on every change of page. */
  pageChanged(): void {
    if (this.carry) this.carry = false;
    else this.text = '';
  }

  clear(): void {
    this.text = '';
    this.carry = false;
  }
}

export const notice = new Notice();
