import {
  CacheInvalidation,
  Invalidation,
  InvalidationListener,
  parseInvalidation,
} from './cache-invalidation';
import { InvalidatedCache } from './invalidated-cache';

/** The listener's contract without a database: whether it is live, and the notices it passes on. */
function notices() {
  const listeners: InvalidationListener[] = [];
  const fake = {
    live: true,
    subscribe: (fn: InvalidationListener) => listeners.push(fn),
    publishLocally: (i: Invalidation) => listeners.forEach((fn) => fn(i)),
  };
  return {
    fake,
    invalidation: fake as unknown as CacheInvalidation,
    notify: (payload: string) => fake.publishLocally(parseInvalidation(payload) as Invalidation),
  };
}

describe('InvalidatedCache', () => {
  it('answers a loaded value until a notice names its key', () => {
    const { invalidation, notify } = notices();
    const cache = new InvalidatedCache<string>(invalidation, 'actor', { max: 10, ttlMs: 60_000 });
    cache.set('u1', 'alice', cache.begin());
    cache.set('u2', 'bob', cache.begin());
    expect(cache.get('u1')).toBe('alice');
    notify('actor:u1');
    expect(cache.get('u1')).toBeUndefined();
    expect(cache.get('u2')).toBe('bob');
    notify('session:u2'); // another kind of cache
    expect(cache.get('u2')).toBe('bob');
    notify('actor:*');
    expect(cache.get('u2')).toBeUndefined();
  });

  it('does not keep a value loaded while its key was invalidated (a stale read racing a write)', () => {
    const { invalidation, notify } = notices();
    const cache = new InvalidatedCache<string>(invalidation, 'actor', { max: 10, ttlMs: 60_000 });
    const token = cache.begin(); // the load starts…
    notify('actor:u1'); // …a write to u1 commits meanwhile…
    cache.set('u1', 'stale', token); // …and the load ends with what it read before
    expect(cache.get('u1')).toBeUndefined();
    cache.set('u2', 'fresh', token); // another key is not affected
    expect(cache.get('u2')).toBe('fresh');
    const later = cache.begin();
    cache.set('u1', 'reloaded', later);
    expect(cache.get('u1')).toBe('reloaded');
  });

  it('keeps nothing loaded across a flush (the listener dropped: notices may have been missed)', () => {
    const { invalidation, fake } = notices();
    const cache = new InvalidatedCache<string>(invalidation, 'session', { max: 10, ttlMs: 60_000 });
    const token = cache.begin();
    fake.publishLocally({ kind: '*', key: '*' });
    cache.set('s1', 'x', token);
    expect(cache.get('s1')).toBeUndefined();
  });

  it('is bypassed while the listener is not live, for reads and writes', () => {
    const { invalidation, fake } = notices();
    const cache = new InvalidatedCache<string>(invalidation, 'session', { max: 10, ttlMs: 60_000 });
    cache.set('s1', 'x', cache.begin());
    fake.live = false;
    expect(cache.get('s1')).toBeUndefined();
    cache.set('s2', 'y', cache.begin());
    fake.live = true;
    expect(cache.get('s2')).toBeUndefined();
  });

  it('never keeps a value past its own expiry', async () => {
    const { invalidation } = notices();
    const cache = new InvalidatedCache<string>(invalidation, 'session', { max: 10, ttlMs: 60_000 });
    cache.set('expired', 'x', cache.begin(), 0);
    expect(cache.get('expired')).toBeUndefined();
    cache.set('short', 'x', cache.begin(), 20);
    expect(cache.get('short')).toBe('x');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(cache.get('short')).toBeUndefined();
  });
});

describe('parseInvalidation', () => {
  it('splits at the first colon (session ids may hold more)', () => {
    expect(parseInvalidation('session:a:b')).toEqual({ kind: 'session', key: 'a:b' });
    expect(parseInvalidation('actor:*')).toEqual({ kind: 'actor', key: '*' });
    expect(parseInvalidation('nonsense')).toBeNull();
    expect(parseInvalidation('actor:')).toBeNull();
  });
});
