import { execFileSync } from 'child_process';
import { CMI_LIMITS, interpretScormCommit, ScormCommitError } from './cmi';

/**
 * Runs the real scorm-again runtime (ESM only, so in a child node process) and returns what it
 * would POST to lmsCommitUrl with `dataCommitFormat` json or flattened.
 */
function scormAgainCommit(
  version: '1.2' | '2004',
  calls: [string, string][],
  format: 'json' | 'flattened' = 'json',
): Record<string, unknown> {
  const script = `
    const { ${version === '1.2' ? 'Scorm12API' : 'Scorm2004API'}: Api } = await import('scorm-again/${version === '1.2' ? 'scorm12' : 'scorm2004'}');
    const api = new Api({ logLevel: 5, dataCommitFormat: ${JSON.stringify(format)} });
    api.${version === '1.2' ? 'LMSInitialize' : 'Initialize'}('');
    for (const [k, v] of ${JSON.stringify(calls)}) api.${version === '1.2' ? 'LMSSetValue' : 'SetValue'}(k, v);
    process.stdout.write(JSON.stringify(api.renderCommitCMI(true)));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: __dirname,
    encoding: 'utf8',
  });
  return JSON.parse(out) as Record<string, unknown>;
}

describe('interpretScormCommit with what scorm-again really sends', () => {
  it('reads a SCORM 1.2 json commit (body.cmi)', () => {
    const body = scormAgainCommit('1.2', [
      ['cmi.core.lesson_status', 'passed'],
      ['cmi.core.score.raw', '85'],
      ['cmi.core.lesson_location', 'page-3'],
      ['cmi.suspend_data', 'screen=3;answers=ab'],
      ['cmi.interactions.0.id', 'q1'],
      ['cmi.interactions.0.type', 'choice'],
      ['cmi.interactions.0.student_response', 'a'],
      ['cmi.objectives.0.id', 'obj-1'],
    ]);
    expect(Object.keys(body)).toEqual(['cmi']);
    const r = interpretScormCommit('1.2', body['cmi'] as Record<string, unknown>);
    expect(r).toMatchObject({
      completionStatus: 'completed',
      successStatus: 'passed',
      scorePercent: 85,
      completed: true,
      location: 'page-3',
      suspendData: 'screen=3;answers=ab',
    });
    const core = r.sanitizedCmi['core'] as Record<string, unknown>;
    expect(core['lesson_status']).toBe('passed');
    expect(core).not.toHaveProperty('student_id');
    expect(core).not.toHaveProperty('credit');
    expect(r.sanitizedCmi).not.toHaveProperty('launch_data');
    expect(r.sanitizedCmi['interactions']).toEqual({
      '0': expect.objectContaining({ id: 'q1', type: 'choice', student_response: 'a' }),
    });
  });

  it('reads a SCORM 1.2 flattened commit the same way', () => {
    const flat = scormAgainCommit(
      '1.2',
      [
        ['cmi.core.lesson_status', 'completed'],
        ['cmi.interactions.0.id', 'q1'],
      ],
      'flattened',
    );
    expect(flat).toHaveProperty(['cmi.core.lesson_status'], 'completed');
    const r = interpretScormCommit('1.2', flat);
    expect(r.completed).toBe(true);
    expect(r.successStatus).toBe('unknown');
    expect((r.sanitizedCmi['interactions'] as Record<string, { id: string }>)['0'].id).toBe('q1');
  });

  it('reads a SCORM 2004 json commit', () => {
    const body = scormAgainCommit('2004', [
      ['cmi.completion_status', 'completed'],
      ['cmi.success_status', 'failed'],
      ['cmi.score.scaled', '0.42'],
      ['cmi.score.raw', '42'],
      ['cmi.location', 'p2'],
      ['cmi.suspend_data', 'xyz'],
      ['cmi.comments_from_learner.0.comment', 'Très bien'],
    ]);
    const r = interpretScormCommit('2004', body['cmi'] as Record<string, unknown>);
    expect(r).toMatchObject({
      completionStatus: 'completed',
      successStatus: 'failed',
      scorePercent: 42,
      completed: true,
      location: 'p2',
      suspendData: 'xyz',
    });
    expect(r.sanitizedCmi).not.toHaveProperty('learner_id');
    expect(r.sanitizedCmi).not.toHaveProperty('credit');
    expect(r.sanitizedCmi['comments_from_learner']).toEqual({
      '0': expect.objectContaining({ comment: 'Très bien' }),
    });
  });
});

/** Hands `cmi` back to a fresh scorm-again API with loadFromJSON, then reads elements as a SCO would. */
function scormAgainResume(
  version: '1.2' | '2004',
  cmi: Record<string, unknown>,
  elements: string[],
): string[] {
  const v12 = version === '1.2';
  const script = `
    const { ${v12 ? 'Scorm12API' : 'Scorm2004API'}: Api } = await import('scorm-again/${v12 ? 'scorm12' : 'scorm2004'}');
    const api = new Api({ logLevel: 5 });
    api.loadFromJSON(${JSON.stringify(cmi)});
    api.${v12 ? 'LMSInitialize' : 'Initialize'}('');
    process.stdout.write(JSON.stringify(${JSON.stringify(elements)}.map((e) => api.${v12 ? 'LMSGetValue' : 'GetValue'}(e))));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: __dirname,
    encoding: 'utf8',
  });
  return JSON.parse(out) as string[];
}

describe('sanitizedCmi goes back into scorm-again (resume)', () => {
  it('SCORM 1.2', () => {
    const body = scormAgainCommit('1.2', [
      ['cmi.core.lesson_status', 'incomplete'],
      ['cmi.core.lesson_location', 'screen-2'],
      ['cmi.suspend_data', 'a=1'],
      ['cmi.interactions.0.id', 'q1'],
    ]);
    const { sanitizedCmi } = interpretScormCommit('1.2', body['cmi'] as Record<string, unknown>);
    expect(
      scormAgainResume('1.2', sanitizedCmi, [
        'cmi.core.lesson_location',
        'cmi.suspend_data',
        'cmi.core.lesson_status',
        'cmi.interactions._count',
      ]),
    ).toEqual(['screen-2', 'a=1', 'incomplete', '1']);
  });

  it('SCORM 2004', () => {
    const body = scormAgainCommit('2004', [
      ['cmi.location', 'p4'],
      ['cmi.suspend_data', '{"x":1}'],
      ['cmi.completion_status', 'incomplete'],
    ]);
    const { sanitizedCmi } = interpretScormCommit('2004', body['cmi'] as Record<string, unknown>);
    expect(
      scormAgainResume('2004', sanitizedCmi, ['cmi.location', 'cmi.suspend_data', 'cmi.completion_status']),
    ).toEqual(['p4', '{"x":1}', 'incomplete']);
  });
});

describe('interpretScormCommit — SCORM 1.2', () => {
  const status = (s: string) => interpretScormCommit('1.2', { core: { lesson_status: s } });

  it.each([
    ['passed', true, 'completed', 'passed'],
    ['completed', true, 'completed', 'unknown'],
    ['failed', false, 'incomplete', 'failed'],
    ['incomplete', false, 'incomplete', 'unknown'],
    ['browsed', false, 'incomplete', 'unknown'],
    ['not attempted', false, 'not attempted', 'unknown'],
  ])('lesson_status %s → completed %s (%s / %s)', (s, completed, completion, success) => {
    const r = status(s);
    expect(r.completed).toBe(completed);
    expect(r.completionStatus).toBe(completion);
    expect(r.successStatus).toBe(success);
  });

  it('ignores an unknown status', () => {
    expect(status('done')).toMatchObject({ completed: false, completionStatus: null, successStatus: null });
    expect(interpretScormCommit('1.2', {})).toMatchObject({
      completed: false,
      completionStatus: null,
      scorePercent: null,
      location: null,
      suspendData: null,
    });
  });

  it('accepts the wrapped body and the 2004 keys do not count in 1.2', () => {
    expect(interpretScormCommit('1.2', { cmi: { core: { lesson_status: 'passed' } } }).completed).toBe(true);
    expect(interpretScormCommit('1.2', { completion_status: 'completed' }).completed).toBe(false);
  });

  it.each([
    [{ raw: '85' }, 85],
    [{ raw: '85', min: '', max: '' }, 85],
    [{ raw: '7', min: '0', max: '10' }, 70],
    [{ raw: '15', min: '10', max: '20' }, 50],
    [{ raw: '150', max: '100' }, 100],
    [{ raw: '-5' }, 0],
    [{ raw: 'abc' }, null],
    [{ raw: '' }, null],
    [{ raw: 'NaN' }, null],
    [{ raw: 'Infinity' }, null],
    [{ raw: 66.666 }, 66.67],
    [{ raw: '5', min: '10', max: '10' }, 5],
  ])('score %j → %s', (score, expected) => {
    expect(interpretScormCommit('1.2', { core: { score } }).scorePercent).toBe(expected);
  });
});

describe('interpretScormCommit — SCORM 2004', () => {
  it.each([
    [{ completion_status: 'completed' }, true],
    [{ success_status: 'passed' }, true],
    [{ completion_status: 'incomplete', success_status: 'passed' }, true],
    [{ completion_status: 'incomplete', success_status: 'failed' }, false],
    [{ completion_status: 'unknown' }, false],
    [{ core: { lesson_status: 'passed' } }, false],
    [{ completion_status: 'COMPLETED' }, true],
  ])('%j → completed %s', (cmi, completed) => {
    expect(interpretScormCommit('2004', cmi).completed).toBe(completed);
  });

  it('drops statuses outside the vocabulary', () => {
    expect(
      interpretScormCommit('2004', { completion_status: 'finished', success_status: 'yes' }),
    ).toMatchObject({
      completionStatus: null,
      successStatus: null,
    });
  });

  it.each([
    [{ scaled: '0.8' }, 80],
    [{ scaled: '1' }, 100],
    [{ scaled: '-0.5' }, 0],
    [{ scaled: '2' }, 100],
    [{ scaled: 'x', raw: '30', min: '0', max: '60' }, 50],
    [{ raw: '42' }, 42],
    [{ raw: '420' }, 100],
    [{ scaled: '' }, null],
    [{}, null],
  ])('score %j → %s', (score, expected) => {
    expect(interpretScormCommit('2004', { score }).scorePercent).toBe(expected);
  });

  it('reads the flattened form with array brackets', () => {
    const r = interpretScormCommit('2004', {
      'cmi.completion_status': 'completed',
      'cmi.interactions[0].id': 'q1',
      'cmi.interactions[0].correct_responses[0].pattern': 'a',
    });
    expect(r.completed).toBe(true);
    expect(r.sanitizedCmi['interactions']).toEqual({
      '0': { id: 'q1', correct_responses: { '0': { pattern: 'a' } } },
    });
  });

  it('accepts interactions given as real arrays', () => {
    const r = interpretScormCommit('2004', { interactions: [{ id: 'a' }, 'junk', { id: 'b', evil: 'x' }] });
    expect(r.sanitizedCmi['interactions']).toEqual({ '0': { id: 'a' }, '1': { id: 'b' } });
  });
});

describe('interpretScormCommit — hostile input', () => {
  it.each([null, undefined, 'cmi', 42, [], [{ core: {} }], new Date()])('refuses %p', (cmi) => {
    expect(() => interpretScormCommit('1.2', cmi as never)).toThrow(ScormCommitError);
    try {
      interpretScormCommit('1.2', cmi as never);
    } catch (err) {
      expect((err as ScormCommitError).field).toBe('cmi');
      expect((err as ScormCommitError).reason).toBe('must be an object');
    }
  });

  it('refuses an unknown version', () => {
    expect(() => interpretScormCommit('1.3' as never, {})).toThrow(ScormCommitError);
  });

  it('keeps only known keys and never LMS-owned ones', () => {
    const r = interpretScormCommit('1.2', {
      core: {
        lesson_status: 'passed',
        student_id: 'admin',
        student_name: 'x',
        credit: 'credit',
        evil: 'y',
        score: { raw: '1', evil: 'z' },
      },
      launch_data: 'x',
      student_data: { mastery_score: '0' },
      anything: { deeply: 'nested' },
    });
    expect(r.sanitizedCmi).toEqual({ core: { lesson_status: 'passed', score: { raw: '1' } } });
  });

  it('bounds suspend_data to 64 KB (dropping, not cutting) and other strings to 4 KB', () => {
    const ok = 'a'.repeat(CMI_LIMITS.suspendDataChars);
    expect(interpretScormCommit('2004', { suspend_data: ok }).suspendData).toBe(ok);
    const tooLong = interpretScormCommit('2004', { suspend_data: ok + 'b', location: 'x'.repeat(10_000) });
    expect(tooLong.suspendData).toBeNull();
    expect(tooLong.sanitizedCmi).not.toHaveProperty('suspend_data');
    expect(tooLong.location).toHaveLength(CMI_LIMITS.stringChars);
  });

  it('does not split a surrogate pair when cutting', () => {
    const r = interpretScormCommit('2004', { location: 'a'.repeat(CMI_LIMITS.stringChars - 1) + '😀' });
    expect(r.location).toHaveLength(CMI_LIMITS.stringChars - 1);
  });

  it('cannot store megabytes: collections are capped and a total budget applies, progress first', () => {
    const interactions: Record<string, unknown>[] = [];
    for (let i = 0; i < 10_000; i++)
      interactions.push({ id: `q${i}`, learner_response: 'r'.repeat(4000), description: 'd'.repeat(4000) });
    const r = interpretScormCommit('2004', {
      interactions,
      suspend_data: 's'.repeat(60_000),
      completion_status: 'completed',
      location: 'here',
    });
    const size = JSON.stringify(r.sanitizedCmi).length;
    expect(size).toBeLessThan(CMI_LIMITS.totalChars + 50_000);
    expect(r.completed).toBe(true);
    expect(r.suspendData).toHaveLength(60_000);
    expect(r.location).toBe('here');
    expect(Object.keys(r.sanitizedCmi['interactions'] as object).length).toBeLessThanOrEqual(
      CMI_LIMITS.interactions,
    );
  });

  it('ignores prototype-pollution keys in the flattened form', () => {
    const r = interpretScormCommit(
      '1.2',
      JSON.parse(
        '{"cmi.__proto__.polluted":"yes","cmi.core.lesson_status":"passed","constructor.prototype.x":"1"}',
      ),
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(r.sanitizedCmi).toEqual({ core: { lesson_status: 'passed' } });
  });

  it('ignores non-string leaves and strips NUL characters', () => {
    const r = interpretScormCommit('1.2', {
      core: { lesson_location: { a: 1 }, lesson_status: 'passed\u0000' },
      suspend_data: ['x'],
    });
    expect(r.sanitizedCmi).toEqual({ core: { lesson_status: 'passed' } });
    expect(r.completed).toBe(true);
  });

  it('caps nested collections and ignores non-numeric collection keys', () => {
    const correct = Array.from({ length: 50 }, (_, i) => ({ pattern: String(i) }));
    const r = interpretScormCommit('1.2', {
      interactions: { '0': { id: 'q', correct_responses: correct }, foo: { id: 'no' } },
    });
    const q = (r.sanitizedCmi['interactions'] as Record<string, { correct_responses: object }>)['0'];
    expect(Object.keys(q.correct_responses)).toHaveLength(CMI_LIMITS.correctResponses);
    expect(Object.keys(r.sanitizedCmi['interactions'] as object)).toEqual(['0']);
  });
});
