/**
 * The decision on Redis's settings: a warning naming the setting, its value, the risk and the fix
 * for an evicting policy and for persistence switched off; a "could not check" warning when CONFIG
 * is refused or a setting is not reported; none for noeviction with AOF or RDB snapshots.
 */
import { assessRedisSettings, configValue } from './redis-settings';

const safe = { 'maxmemory-policy': 'noeviction', appendonly: 'yes', save: '' };

describe('assessRedisSettings', () => {
  it('says nothing against noeviction with the append-only file on', () => {
    const { warnings, summary } = assessRedisSettings({ settings: safe });
    expect(warnings).toEqual([]);
    expect(summary).toBe('maxmemory-policy "noeviction", appendonly "yes", save ""');
  });

  it('accepts RDB snapshots alone as persistence', () => {
    expect(assessRedisSettings({ settings: { ...safe, appendonly: 'no', save: '3600 1 300 100 60 10000' } }).warnings).toEqual([]);
  });

  it.each(['allkeys-lru', 'volatile-lru', 'allkeys-lfu', 'volatile-ttl', 'allkeys-random'])('warns of eviction under %s, naming the fix', (policy) => {
    const { warnings } = assessRedisSettings({ settings: { ...safe, 'maxmemory-policy': policy } });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`maxmemory-policy is "${policy}"`);
    expect(warnings[0]).toContain('evict');
    expect(warnings[0]).toContain('redis-cli CONFIG SET maxmemory-policy noeviction');
  });

  it('reads the policy without regard to case or spaces', () => {
    expect(assessRedisSettings({ settings: { ...safe, 'maxmemory-policy': ' NoEviction ' } }).warnings).toEqual([]);
  });

  it('warns that jobs are lost on restart when neither AOF nor snapshots are on', () => {
    const { warnings } = assessRedisSettings({ settings: { ...safe, appendonly: 'no', save: '' } });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('appendonly "no", save ""');
    expect(warnings[0]).toContain('lost when Redis restarts');
    expect(warnings[0]).toContain('redis-cli CONFIG SET appendonly yes');
  });

  it('gives both warnings when both settings can lose jobs', () => {
    const { warnings } = assessRedisSettings({ settings: { 'maxmemory-policy': 'allkeys-lru', appendonly: 'no', save: '' } });
    expect(warnings.map((w) => w.slice(0, 30))).toEqual(['Redis maxmemory-policy is "all', 'Redis persistence is off (appe']);
  });

  it('warns that it could not check when CONFIG is refused', () => {
    const { warnings } = assessRedisSettings({ refused: "ERR unknown command 'CONFIG'" });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Could not check Redis persistence and eviction settings');
    expect(warnings[0]).toContain("ERR unknown command 'CONFIG'");
    expect(warnings[0]).toContain('noeviction');
  });

  it('warns that it could not check a setting Redis did not report, and judges the others', () => {
    const { warnings, summary } = assessRedisSettings({ settings: { 'maxmemory-policy': 'allkeys-lru' } });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('Could not check Redis setting(s) appendonly, save');
    expect(warnings[1]).toContain('maxmemory-policy is "allkeys-lru"');
    expect(summary).toContain('appendonly (unknown)');
  });
});

describe('configValue', () => {
  it('reads the value of a CONFIG GET reply', () => {
    expect(configValue(['maxmemory-policy', 'noeviction'], 'maxmemory-policy')).toBe('noeviction');
    expect(configValue(['save', ''], 'save')).toBe('');
    expect(configValue(['SAVE', '60 1'], 'save')).toBe('60 1');
  });

  it('is undefined for an empty or odd reply', () => {
    expect(configValue([], 'save')).toBeUndefined();
    expect(configValue(null, 'save')).toBeUndefined();
    expect(configValue(['save'], 'save')).toBeUndefined();
    expect(configValue(['appendonly', 'yes'], 'save')).toBeUndefined();
  });
});
