/**
 * Questions asked before something cannot be taken back (deleting, leaving unsaved changes,
 * locking). One dialog lives in the app shell; `ask` opens it and resolves with the answer.
 */

export interface Question {
  title: string;
  /** Paragraphs; name exactly what will be lost. */
  body: string[];
  /** The button that goes ahead, in words that say what it does ("Delete Zoë Hughes"). */
  confirm: string;
  cancel?: string;
  /** Red button: the action destroys something. */
  danger?: boolean;
}

interface Pending extends Question {
  resolve: (yes: boolean) => void;
}

class Questions {
  current = $state<Pending | null>(null);

  ask(question: Question): Promise<boolean> {
    // Only one question at a time: a newer one answers the older "no".
    this.current?.resolve(false);
    return new Promise((resolve) => {
      this.current = { ...question, resolve };
    });
  }

  answer(yes: boolean): void {
    const pending = this.current;
    this.current = null;
    pending?.resolve(yes);
  }
}

export const questions = new Questions();

export function ask(question: Question): Promise<boolean> {
  return questions.ask(question);
}
