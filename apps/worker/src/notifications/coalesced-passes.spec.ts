/**
 * The relay's coalescing of wake-ups: a request while idle runs a pass at once; any number of
 * requests during a pass run exactly one more pass after it; a failing pass is reported and does
 * not stop the next; close() waits for the running pass and refuses new ones.
 */
import { CoalescedPasses } from './coalesced-passes';

/** A pass that stays running until `finish()` is called. */
function controllablePass() {
  let count = 0;
  let release: (() => void) | undefined;
  const pass = () => {
    count += 1;
    return new Promise<void>((resolve) => (release = resolve));
  };
  const finish = async () => {
    release?.();
    release = undefined;
    // Let the loop see the end of the pass and decide whether to run another.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { pass, finish, count: () => count };
}

describe('CoalescedPasses', () => {
  it('runs a pass at once when idle', async () => {
    const p = controllablePass();
    const passes = new CoalescedPasses(p.pass);
    passes.request();
    expect(p.count()).toBe(1);
    expect(passes.running).toBe(true);
    await p.finish();
    expect(passes.running).toBe(false);
    expect(p.count()).toBe(1);
  });

  it('turns a burst of requests during a pass into exactly one more pass', async () => {
    const p = controllablePass();
    const passes = new CoalescedPasses(p.pass);
    passes.request();
    for (let i = 0; i < 50; i++) passes.request();
    expect(p.count()).toBe(1);
    await p.finish();
    expect(p.count()).toBe(2); // the one more pass
    for (let i = 0; i < 50; i++) passes.request();
    await p.finish();
    expect(p.count()).toBe(3); // one more for the burst during the second pass
    await p.finish();
    expect(p.count()).toBe(3);
    expect(passes.running).toBe(false);
  });

  it('starts afresh after it went idle', async () => {
    const p = controllablePass();
    const passes = new CoalescedPasses(p.pass);
    passes.request();
    await p.finish();
    passes.request();
    expect(p.count()).toBe(2);
    await p.finish();
    expect(passes.running).toBe(false);
  });

  it('reports a failing pass and still runs the pass asked for meanwhile', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    let fail: ((err: Error) => void) | undefined;
    const passes = new CoalescedPasses(
      () => {
        calls += 1;
        return calls === 1 ? new Promise<void>((_, reject) => (fail = reject)) : Promise.resolve();
      },
      (err) => errors.push(err),
    );
    passes.request();
    passes.request();
    fail?.(new Error('queue down'));
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(errors).toEqual([new Error('queue down')]);
    expect(calls).toBe(2);
    expect(passes.running).toBe(false);
  });

  it('close() waits for the running pass, skips the one asked for and refuses new ones', async () => {
    const p = controllablePass();
    const passes = new CoalescedPasses(p.pass);
    passes.request();
    passes.request();
    let closed = false;
    const closing = passes.close().then(() => (closed = true));
    await Promise.resolve();
    expect(closed).toBe(false);
    await p.finish();
    await closing;
    expect(closed).toBe(true);
    expect(p.count()).toBe(1);
    passes.request();
    expect(p.count()).toBe(1);
  });
});
