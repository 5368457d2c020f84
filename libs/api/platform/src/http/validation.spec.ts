import { BadRequestException } from '@nestjs/common';
import { ApiFieldError, FIELD_ERROR_CODES, FIELD_ERROR_PARAMS } from '@pratique/contracts';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { createValidationPipe, unsafeInputFields } from './validation';

describe('unsafeInputFields', () => {
  it('names the field of a NUL character: a body field, a query value, a wildcard segment', () => {
    expect(unsafeInputFields({ title: { fr: 'a\u0000b' } })).toEqual([
      { field: 'title.fr', reason: 'must not contain the NUL character (U+0000)', code: 'unsafeCharacter' },
    ]);
    expect(unsafeInputFields('x\u0000', 'q')).toEqual([
      { field: 'q', reason: 'must not contain the NUL character (U+0000)', code: 'unsafeCharacter' },
    ]);
    // Express 5 gives a wildcard parameter (`*path`) as its list of segments.
    expect(unsafeInputFields(['index.html', 'a\u0000'], 'path')).toEqual([
      { field: 'path.1', reason: 'must not contain the NUL character (U+0000)', code: 'unsafeCharacter' },
    ]);
  });

  it('refuses prototype keys and over-deep values, named from the root', () => {
    expect(unsafeInputFields(JSON.parse('{"a":{"__proto__":{"x":1}}}'))).toEqual([
      { field: 'a.__proto__', reason: 'is not an allowed field name', code: 'unknownField' },
    ]);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 40; i++) deep = { d: deep };
    expect(unsafeInputFields(deep)[0]).toMatchObject({ reason: 'is nested more than 32 levels deep' });
  });
});

describe('field error codes', () => {
  class Dto {
    @IsNotEmpty() @IsString() @MaxLength(20) title!: string;
    @IsOptional() @IsInt() @Min(1) @Max(5) stars?: number;
    @IsOptional() @IsIn(['a', 'b']) kind?: string;
  }
  const fail = async (body: unknown) => {
    try {
      await createValidationPipe().transform(body, { type: 'body', metatype: Dto });
    } catch (err) {
      return ((err as BadRequestException).getResponse() as { errors: ApiFieldError[] }).errors;
    }
    throw new Error('expected a 400');
  };

  it('codes each class-validator failure, with its limit as a parameter, and keeps the English reason', async () => {
    expect(await fail({ title: 'x'.repeat(21), stars: 9, kind: 'c', extra: 1 })).toEqual(
      expect.arrayContaining([
        {
          field: 'title',
          reason: 'must be shorter than or equal to 20 characters',
          code: 'maxLength',
          params: { max: 20 },
        },
        { field: 'stars', reason: 'must not be greater than 5', code: 'max', params: { max: 5 } },
        expect.objectContaining({ field: 'kind', code: 'oneOf' }),
        { field: 'extra', reason: 'property extra should not exist', code: 'unknownField' },
      ]),
    );
    expect(await fail({ title: '' })).toEqual([
      expect.objectContaining({ field: 'title', code: 'required' }),
    ]);
  });

  it('codes unsafe input and a list given for an object', async () => {
    expect(unsafeInputFields({ a: 'x\u0000' })[0]).toMatchObject({ code: 'unsafeCharacter' });
    expect(await fail([{ title: 'a' }])).toEqual([
      expect.objectContaining({ field: 'body', code: 'notAnObject' }),
    ]);
  });

  it('uses only codes the contract lists, each with the parameters it declares', async () => {
    const errors = await fail({ title: 'x'.repeat(21), stars: 0, kind: 'c', extra: 1 });
    for (const e of errors) {
      expect(FIELD_ERROR_CODES).toContain(e.code);
      expect(Object.keys(e.params ?? {}).sort()).toEqual([...FIELD_ERROR_PARAMS[e.code!]].sort());
    }
  });
});
