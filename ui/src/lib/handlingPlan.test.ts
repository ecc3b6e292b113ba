import { describe, expect, it } from 'vitest';
import { blankTask, formToTasks, loopsText, moved, taskToForm } from './handlingPlan';
import type { HandlingTask } from '../generated/HandlingTask';

const hoisted: HandlingTask = {
  task: 'Bed to chair',
  equipment_id: 'hoist-1',
  sling_id: 'sling-1',
  loops: { shoulder_left: 'Green', shoulder_right: 'Green', leg_left: '2nd loop', leg_right: '2nd loop' },
  adults: 2,
  method: 'Hoist from bed to chair',
  photo_ref: 'Photo 3 on the hoist page',
  review_date: '2027-02-14',
};

describe('the handling plan editor', () => {
  it('shows a saved task in the form and sends it back unchanged', () => {
    const form = taskToForm(hoisted);
    expect(form.review_date).toBe('14/2/2027');
    expect(form.adults).toBe('2');
    expect(formToTasks([form])).toEqual({ tasks: [hoisted], errors: [] });
  });

  it('sends no loops when no sling is chosen, and none for "no equipment"', () => {
    const form = { ...taskToForm(hoisted), sling_id: '', equipment_id: '' };
    const [task] = formToTasks([form]).tasks;
    expect(task!.sling_id).toBeNull();
    expect(task!.equipment_id).toBeNull();
    expect(task!.loops).toEqual({ shoulder_left: '', shoulder_right: '', leg_left: '', leg_right: '' });
  });

  it('names an unreadable date or number of adults by its row, as the core names its errors', () => {
    const bad = { ...blankTask(), task: 'Toileting', review_date: '31/2/2027', adults: 'two' };
    const { errors } = formToTasks([blankTask(), bad]);
    expect(errors.map((e) => e.field)).toEqual(['handling[1].review_date', 'handling[1].adults']);
  });

  it('leaves the range of adults to the core: five is sent as five', () => {
    const { tasks, errors } = formToTasks([{ ...blankTask(), task: 'Bath', adults: '5' }]);
    expect(errors).toEqual([]);
    expect(tasks[0]!.adults).toBe(5);
  });

  it('moves a row up and down, and not past either end', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moved(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });

  it('words the loops as the passport prints them', () => {
    expect(loopsText({ ...hoisted, loops: { ...hoisted.loops, leg_right: '' } })).toBe(
      'Shoulders Green left, Green right; legs 2nd loop left, – right',
    );
  });
});
