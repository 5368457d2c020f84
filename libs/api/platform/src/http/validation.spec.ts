import { unsafeInputFields } from './validation';

describe('unsafeInputFields', () => {
  it('names the field of a NUL character: a body field, a query value, a wildcard segment', () => {
    expect(unsafeInputFields({ title: { fr: 'a\u0000b' } })).toEqual([
      { field: 'title.fr', reason: 'must not contain the NUL character (U+0000)' },
    ]);
    expect(unsafeInputFields('x\u0000', 'q')).toEqual([{ field: 'q', reason: 'must not contain the NUL character (U+0000)' }]);
    // Express 5 gives a wildcard parameter (`*path`) as its list of segments.
    expect(unsafeInputFields(['index.html', 'a\u0000'], 'path')).toEqual([
      { field: 'path.1', reason: 'must not contain the NUL character (U+0000)' },
    ]);
  });

  it('refuses prototype keys and over-deep values, named from the root', () => {
    expect(unsafeInputFields(JSON.parse('{"a":{"__proto__":{"x":1}}}'))).toEqual([
      { field: 'a.__proto__', reason: 'is not an allowed field name' },
    ]);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 40; i++) deep = { d: deep };
    expect(unsafeInputFields(deep)[0]).toMatchObject({ reason: 'is nested more than 32 levels deep' });
  });
});
