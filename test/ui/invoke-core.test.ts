import { OperationFailure, isRetryable, toOperationFailure, unwrapResult } from '../../static/shared/invoke-core';

function failure(fn: () => unknown): OperationFailure {
  try {
    fn();
  } catch (e) {
    if (e instanceof OperationFailure) return e;
    throw e;
  }
  throw new Error('expected a throw');
}

describe('unwrapResult', () => {
  it('returns the data of a success', () => {
    expect(unwrapResult('setPin', { ok: true, data: { pin: null } })).toEqual({ pin: null });
  });

  it('throws a typed failure with the code, message and details of an error', () => {
    const f = failure(() =>
      unwrapResult('saveConfig', { ok: false, error: { code: 'CONFIG_CONFLICT', message: 'Someone saved.', details: { currentVersion: 4 } } }),
    );
    expect(f).toBeInstanceOf(Error);
    expect(f.code).toBe('CONFIG_CONFLICT');
    expect(f.message).toBe('Someone saved.');
    expect(f.details).toEqual({ currentVersion: 4 });
    expect(f.operation).toBe('saveConfig');
  });

  it('keeps an unknown code as INTERNAL and fills in a missing message', () => {
    const f = failure(() => unwrapResult('getBacklog', { ok: false, error: { code: 'WEIRD' } }));
    expect(f.code).toBe('INTERNAL');
    expect(f.message).toMatch(/Something went wrong/);
    expect(failure(() => unwrapResult('getBacklog', { ok: false, error: { code: 'FORBIDDEN', message: '' } })).message).toMatch(/permission/);
  });

  it.each([null, undefined, 'text', [], { data: 1 }, { ok: true }])('refuses a malformed answer %p', (raw) => {
    expect(failure(() => unwrapResult('getBacklog', raw)).code).toBe('MALFORMED_RESPONSE');
  });
});

describe('toOperationFailure', () => {
  it('wraps what a bridge call threw as BRIDGE and keeps operation failures', () => {
    const f = toOperationFailure('getRoadmap', new Error('timeout'));
    expect(f.code).toBe('BRIDGE');
    expect(f.message).toContain('timeout');
    const own = new OperationFailure('getRoadmap', 'BUSY', 'busy');
    expect(toOperationFailure('getRoadmap', own)).toBe(own);
  });

  it('marks transient codes retryable and the person-fixable ones not', () => {
    expect(isRetryable('RATE_LIMITED')).toBe(true);
    expect(isRetryable('FORBIDDEN')).toBe(false);
    expect(isRetryable('CONFIG_CONFLICT')).toBe(false);
  });
});
