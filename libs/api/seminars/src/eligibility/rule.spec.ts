import { checkRule, evaluateRule } from './rule';

const req = (moduleId: string, minPercent: number, currentPercent: number) => ({ moduleId, minPercent, currentPercent });

describe('evaluateRule (k of N)', () => {
  it('opens a seminar with no requirement to everyone', () => {
    expect(evaluateRule(0, [])).toEqual({ eligible: true, k: 0, n: 0, met: 0, stillNeeded: 0, metModuleIds: [] });
  });

  it('needs k of the N requirements: 2 of 3 at 50 %', () => {
    const one = evaluateRule(2, [req('A', 50, 50), req('B', 50, 49), req('C', 50, 0)]);
    expect(one).toMatchObject({ eligible: false, met: 1, stillNeeded: 1, metModuleIds: ['A'] });
    const two = evaluateRule(2, [req('A', 50, 50), req('B', 50, 100), req('C', 50, 0)]);
    expect(two).toMatchObject({ eligible: true, met: 2, stillNeeded: 0 });
  });

  it('treats k = N as all', () => {
    expect(evaluateRule(2, [req('A', 100, 100), req('B', 100, 99)]).eligible).toBe(false);
    expect(evaluateRule(2, [req('A', 100, 100), req('B', 100, 100)]).eligible).toBe(true);
  });

  it('meets a threshold exactly at the percent, not one below (edge percents)', () => {
    expect(evaluateRule(1, [req('A', 66, 66)]).eligible).toBe(true);
    expect(evaluateRule(1, [req('A', 67, 66)]).eligible).toBe(false);
    expect(evaluateRule(1, [req('A', 1, 1)]).eligible).toBe(true);
    expect(evaluateRule(1, [req('A', 1, 0)]).eligible).toBe(false);
  });

  it('never reports a negative number still needed', () => {
    expect(evaluateRule(1, [req('A', 10, 100), req('B', 10, 100)]).stillNeeded).toBe(0);
  });
});

describe('checkRule', () => {
  const r = (moduleId: string, minPercent = 50) => ({ moduleId, minPercent });

  it('accepts k between 1 and N, and an empty rule with k = 0', () => {
    expect(checkRule({ k: 2, requirements: [r('A'), r('B'), r('C')] })).toEqual([]);
    expect(checkRule({ k: 0, requirements: [] })).toEqual([]);
  });

  it.each([
    [{ k: 3, requirements: [r('A'), r('B')] }, 'rule.k', /exceed/],
    [{ k: 0, requirements: [r('A')] }, 'rule.k', /at least 1/],
    [{ k: 1, requirements: [] }, 'rule.k', /must be 0/],
    [{ k: 1.5, requirements: [r('A'), r('B')] }, 'rule.k', /whole/],
    [{ k: 1, requirements: [r('A'), r('A')] }, 'rule.requirements.1.moduleId', /once/],
    [{ k: 1, requirements: [r('A', 0)] }, 'rule.requirements.0.minPercent', /between 1 and 100/],
    [{ k: 1, requirements: [r('A', 101)] }, 'rule.requirements.0.minPercent', /between 1 and 100/],
  ])('rejects %j on %s', (rule, field, reason) => {
    const errors = checkRule(rule);
    expect(errors).toContainEqual({ field, reason: expect.stringMatching(reason) });
  });
});
