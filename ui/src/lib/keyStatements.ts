/**
 * The child's most important things: up to three statements in each of red, amber and green.
 * The label and heading of each colour are the core's (`StatementColour`), generated, so the
 * form, the child's page and the printed passport say the same thing. The form always offers three boxes a
 * colour; blank boxes are sent as they are and the core drops them, naming any problem by the
 * box it was typed in (`key_statements.red[1]`).
 */

import type { KeyStatements } from '../generated/KeyStatements';
import { STATEMENT_COLOUR, STATEMENT_COLOUR_HEADING } from '../generated/labels';

export type StatementColour = keyof KeyStatements;

/** How many statements of one colour the core accepts (`key_statements::MAX_PER_COLOUR`). */
export const PER_COLOUR = 3;

export interface ColourWords {
  colour: StatementColour;
  /** The colour's name, said in words so the form does not rely on colour alone. */
  name: string;
  /** The short label the core gives the colour. */
  label: string;
  /** The heading printed over the colour's box on the passport. */
  heading: string;
  hint: string;
}

/** The colours in the order they are printed: red first. */
export const COLOURS: readonly ColourWords[] = [
  {
    colour: 'red',
    name: 'Red',
    label: STATEMENT_COLOUR.red,
    heading: STATEMENT_COLOUR_HEADING.red,
    hint: 'For example, never lift me without two adults',
  },
  {
    colour: 'amber',
    name: 'Amber',
    label: STATEMENT_COLOUR.amber,
    heading: STATEMENT_COLOUR_HEADING.amber,
    hint: 'For example, put the brakes on before I move in or out',
  },
  {
    colour: 'green',
    name: 'Green',
    label: STATEMENT_COLOUR.green,
    heading: STATEMENT_COLOUR_HEADING.green,
    hint: 'For example, sing to me while the hoist moves',
  },
];

/** A colour's statements as the form's boxes: three, the empty ones blank. */
export function toBoxes(statements: readonly string[] | undefined): string[] {
  const boxes = [...(statements ?? [])];
  while (boxes.length < PER_COLOUR) boxes.push('');
  return boxes;
}

/** The form's boxes for every colour. */
export function statementsToForm(s: KeyStatements | undefined): KeyStatements {
  return { red: toBoxes(s?.red), amber: toBoxes(s?.amber), green: toBoxes(s?.green) };
}

/** The boxes as the core takes them: every box, blank or not, in place. */
export function formToStatements(f: KeyStatements): KeyStatements {
  return { red: [...f.red], amber: [...f.amber], green: [...f.green] };
}

/** True when the child has no statement of any colour. */
export function noStatements(s: KeyStatements): boolean {
  return COLOURS.every(({ colour }) => s[colour].every((t) => t.trim() === ''));
}
