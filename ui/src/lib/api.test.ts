import { beforeEach, describe, expect, it, vi } from 'vitest';

// A hand-made stand-in rather than vi.fn(): the shell rejects with plain objects, and a
// spy that tracks a rejected promise reports it as a failure of its own.
type Invoke = (command: string, args?: Record<string, unknown>) => Promise<unknown>;
let answer: Invoke = async () => null;
const calls: Array<[string, Record<string, unknown> | undefined]> = [];
const lastCall = () => calls[calls.length - 1];
vi.mock('@tauri-apps/api/core', () => ({
  invoke: (command: string, args?: Record<string, unknown>) => {
    calls.push([command, args]);
    return answer(command, args);
  },
  convertFileSrc: (path: string, protocol: string) => `http://${protocol}.localhost/${encodeURIComponent(path)}`,
}));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));
vi.mock('@tauri-apps/api/webview', () => ({ getCurrentWebview: vi.fn() }));

const api = await import('./api');

beforeEach(() => {
  calls.length = 0;
  answer = async () => null;
});

describe('toCommandError', () => {
  it('keeps the shell’s own {code, message, fields}', () => {
    const e = api.toCommandError({
      code: 'invalid',
      message: 'nhs_number: not valid',
      fields: [{ field: 'nhs_number', message: 'the check digit is wrong' }],
    });
    expect(e).toEqual({
      code: 'invalid',
      message: 'nhs_number: not valid',
      fields: [{ field: 'nhs_number', message: 'the check digit is wrong' }],
    });
  });

  it('fills in missing fields and drops malformed ones', () => {
    expect(api.toCommandError({ code: 'conflict', message: 'in use' })).toEqual({ code: 'conflict', message: 'in use', fields: [] });
    expect(
      api.toCommandError({ code: 'invalid', message: 'x', fields: [{ field: 'name', message: 'enter it' }, { nope: 1 }, 'junk'] }).fields,
    ).toEqual([{ field: 'name', message: 'enter it' }]);
    expect(api.toCommandError({ code: 'io', message: '' }).message).toBe('Something went wrong');
  });

  it('reads a bare string from Tauri as an app error, and bad arguments as bad_request', () => {
    expect(api.toCommandError('command foo not found')).toEqual({ code: 'app', message: 'command foo not found', fields: [] });
    expect(api.toCommandError('invalid args `details` for command `create_child`: missing field `given_name`').code).toBe('bad_request');
  });

  it('reads a JavaScript Error and anything else', () => {
    expect(api.toCommandError(new TypeError('window.__TAURI_INTERNALS__ is undefined'))).toEqual({
      code: 'app',
      message: 'window.__TAURI_INTERNALS__ is undefined',
      fields: [],
    });
    expect(api.toCommandError(undefined).code).toBe('app');
    expect(api.toCommandError(42).message).toMatch(/could not say/);
  });
});

describe('commands', () => {
  it('send snake_case arguments', async () => {
    answer = async () => ({ children: [], more: false });
    await api.searchChildren('zoe', null, 100);
    expect(lastCall()).toEqual(['search_children', { text: 'zoe', setting_id: null, limit: 100 }]);

    answer = async () => null;
    await api.savePassport('c1', { audience: 'school', format: 'a4', large_print: false }, 'Zoë Hughes - school passport.pdf');
    expect(lastCall()).toEqual([
      'save_passport',
      {
        child_id: 'c1',
        request: { audience: 'school', format: 'a4', large_print: false },
        suggested_name: 'Zoë Hughes - school passport.pdf',
      },
    ]);

    await api.changePassphrase('old one here', 'new one here');
    expect(lastCall()).toEqual(['change_passphrase', { current: 'old one here', new: 'new one here' }]);
  });

  it('reject with an ApiError carrying the code and fields', async () => {
    answer = () => Promise.reject({ code: 'invalid', message: 'bad', fields: [{ field: 'date_of_birth', message: 'in the future' }] });
    const failure = await api.createChild({} as never).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(api.ApiError);
    expect(failure).toBeInstanceOf(Error);
    const error = failure as InstanceType<typeof api.ApiError>;
    expect(error.code).toBe('invalid');
    expect(error.fields[0]?.field).toBe('date_of_birth');
  });

  it('tell the app shell when the caseload turns out to be locked', async () => {
    const seen = vi.fn();
    const stop = api.onLockedError(seen);
    answer = () => Promise.reject({ code: 'locked', message: 'the caseload is locked', fields: [] });
    await expect(api.childCount()).rejects.toMatchObject({ code: 'locked' });
    expect(seen).toHaveBeenCalledTimes(1);
    stop();
    await expect(api.childCount()).rejects.toMatchObject({ code: 'locked' });
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('asApiError wraps whatever was thrown', () => {
    const e = api.asApiError('plain words');
    expect(e.code).toBe('app');
    expect(e.message).toBe('plain words');
    expect(api.asApiError(e)).toBe(e);
  });

  it('address stored photos through the photo protocol', () => {
    expect(api.photoUrl('abc', 'thumb')).toBe('http://photo.localhost/thumb%2Fabc');
  });
});
