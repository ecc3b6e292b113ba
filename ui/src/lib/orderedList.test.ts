import { describe, expect, it } from 'vitest';
import { addAt, canMove, focusAfter, move, removeAt } from './orderedList';

describe('ordered list editing', () => {
  const steps = ['Brakes on', 'Footplate down', 'Strap in'];

  it('adds at the end or at a place, without changing the original', () => {
    expect(addAt(steps, 'Check straps')).toEqual([...steps, 'Check straps']);
    expect(addAt(steps, 'First', 0)).toEqual(['First', ...steps]);
    expect(addAt(steps, 'Far', 99)).toEqual([...steps, 'Far']);
    expect(steps).toHaveLength(3);
  });

  it('removes one entry, ignoring places that do not exist', () => {
    expect(removeAt(steps, 1)).toEqual(['Brakes on', 'Strap in']);
    expect(removeAt(steps, 5)).toEqual(steps);
    expect(removeAt(steps, -1)).toEqual(steps);
  });

  it('moves up and down, and not past either end', () => {
    expect(move(steps, 2, -1)).toEqual(['Brakes on', 'Strap in', 'Footplate down']);
    expect(move(steps, 0, 1)).toEqual(['Footplate down', 'Brakes on', 'Strap in']);
    expect(move(steps, 0, -1)).toEqual(steps);
    expect(move(steps, 2, 1)).toEqual(steps);
    expect(canMove(3, 0, -1)).toBe(false);
    expect(canMove(3, 1, -1)).toBe(true);
    expect(canMove(3, 2, 1)).toBe(false);
  });

  it('keeps objects (steps with photos) intact when moving', () => {
    const withPhotos = [{ text: 'a', photo_id: 'p1' }, { text: 'b', photo_id: null }];
    const moved = move(withPhotos, 1, -1);
    expect(moved[1]).toBe(withPhotos[0]);
    expect(moved[0]).toBe(withPhotos[1]);
  });

  it('says where keyboard focus goes next', () => {
    // Moving down keeps focus on "Move down" of the moved entry…
    expect(focusAfter('move', 3, 0, 1)).toEqual({ index: 1, control: 'down' });
    // …unless it reached the bottom, where that button is disabled.
    expect(focusAfter('move', 3, 1, 1)).toEqual({ index: 2, control: 'up' });
    expect(focusAfter('move', 3, 1, -1)).toEqual({ index: 0, control: 'down' });
    expect(focusAfter('move', 3, 2, -1)).toEqual({ index: 1, control: 'up' });
    // After removing, the entry that took its place, or the last, or the Add button.
    expect(focusAfter('remove', 2, 0)).toEqual({ index: 0, control: 'text' });
    expect(focusAfter('remove', 2, 2)).toEqual({ index: 1, control: 'text' });
    expect(focusAfter('remove', 0, 0)).toEqual({ index: -1, control: 'add' });
    expect(focusAfter('add', 4, 3)).toEqual({ index: 3, control: 'text' });
  });
});
