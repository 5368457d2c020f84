import { MATCH_WEIGHTS, SkillFormat } from '@pratique/contracts';
import { reasonsOf, scoreOf } from './match-reasons';

describe('skills matching: reasons and score', () => {
  it('lists what is shared, skills first, with the shared values', () => {
    const reasons = reasonsOf({
      skills: ['plaidoyer', 'budget'],
      regionId: 'r1',
      languages: ['fr', 'ar'],
      formats: [SkillFormat.Remote],
    });
    expect(reasons).toEqual([
      { kind: 'skills', skills: ['plaidoyer', 'budget'] },
      { kind: 'region', regionId: 'r1' },
      { kind: 'language', languages: ['fr', 'ar'] },
      { kind: 'format', formats: ['remote'] },
    ]);
    expect(scoreOf(reasons)).toBe(
      2 * MATCH_WEIGHTS.skill + MATCH_WEIGHTS.region + MATCH_WEIGHTS.language + MATCH_WEIGHTS.format,
    );
  });

  it('leaves out what is not shared', () => {
    const reasons = reasonsOf({ skills: ['communication'], regionId: null, languages: [], formats: [] });
    expect(reasons).toEqual([{ kind: 'skills', skills: ['communication'] }]);
    expect(scoreOf(reasons)).toBe(MATCH_WEIGHTS.skill);
  });

  it('weighs one more shared skill above a shared region, language and format together', () => {
    const three = scoreOf(reasonsOf({ skills: ['a', 'b', 'c'], regionId: null, languages: [], formats: [] }));
    const twoPlus = scoreOf(
      reasonsOf({ skills: ['a', 'b'], regionId: 'r', languages: ['fr'], formats: [SkillFormat.Group] }),
    );
    expect(three).toBeGreaterThan(twoPlus);
    expect(scoreOf([])).toBe(0);
  });
});
