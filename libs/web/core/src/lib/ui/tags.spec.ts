import { PROFILE_LIMITS } from '@pratique/contracts';
import { addTags, removeTag, splitTags } from './tags';

const PROFILE = { tags: PROFILE_LIMITS.tags, tagLength: PROFILE_LIMITS.tagLength };

describe('tag input', () => {
  it('splits at Latin and Arabic commas', () => {
    expect(splitTags('plaidoyer, budget participatif،مناصرة')).toEqual([
      'plaidoyer',
      ' budget participatif',
      'مناصرة',
    ]);
  });

  it('adds normalised tags (trimmed, lower-case, single spaces) like the API', () => {
    const r = addTags([], '  Plaidoyer ,  Budget   Participatif ', PROFILE);
    expect(r).toEqual({
      tags: ['plaidoyer', 'budget participatif'],
      added: ['plaidoyer', 'budget participatif'],
      problem: null,
    });
  });

  it('ignores empty pieces and tags already there', () => {
    expect(addTags(['plaidoyer'], ', PLAIDOYER,, ', PROFILE)).toEqual({
      tags: ['plaidoyer'],
      added: [],
      problem: null,
    });
  });

  it('keeps Arabic as typed', () => {
    expect(addTags([], 'المناصرة', PROFILE).tags).toEqual(['المناصرة']);
  });

  it('refuses a tag longer than the limit, counting characters not UTF-16 units', () => {
    const limits = { tags: 20, tagLength: 5 };
    expect(addTags([], 'abcdef', limits)).toEqual({ tags: [], added: [], problem: 'tooLong' });
    expect(addTags([], '😀😀😀😀😀', limits).tags).toHaveLength(1);
  });

  it('stops at the maximum number of tags and says so', () => {
    const r = addTags(['a', 'b'], 'c, d, e', { tags: 3, tagLength: 40 });
    expect(r).toEqual({ tags: ['a', 'b', 'c'], added: ['c'], problem: 'tooMany' });
  });

  it('removes one tag', () => {
    expect(removeTag(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
  });
});
