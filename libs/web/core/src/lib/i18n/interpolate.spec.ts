import { interpolateOnce } from './interpolate';

const none = () => undefined;

describe('interpolateOnce (translated sentences with user text in them)', () => {
  it('puts each parameter in its place', () => {
    expect(interpolateOnce('Par {{ name }}, le {{date}}', { name: 'Amal', date: '3 déc.' }, none)).toBe(
      'Par Amal, le 3 déc.',
    );
    expect(interpolateOnce('{{ n }} sur {{ total }}', { n: 0, total: 12 }, none)).toBe('0 sur 12');
  });

  it('shows a parameter that holds {{ … }} as written, never interpolated again', () => {
    const name = "{{constructor.constructor('__xss(1)')()}}";
    expect(interpolateOnce('Bon retour, {{ name }} !', { name }, none)).toBe(`Bon retour, ${name} !`);
    expect(interpolateOnce('Par {{ name }}', { name: '{{ name }}{{ date }}', date: 'x' }, none)).toBe(
      'Par {{ name }}{{ date }}',
    );
    expect(
      interpolateOnce('Par {{ name }}', { name: '{{ common.loading }}' }, (k) =>
        k === 'common.loading' ? 'Chargement' : undefined,
      ),
    ).toBe('Par {{ common.loading }}');
  });

  it('reads only the parameters’ own properties', () => {
    expect(interpolateOnce('{{ constructor }}|{{ toString }}|{{ __proto__ }}', {}, none)).toBe('||');
    expect(interpolateOnce('{{ a.b }}', { a: { b: 'ok' } }, none)).toBe('ok');
    expect(interpolateOnce('{{ a.constructor }}', { a: {} }, none)).toBe('');
  });

  it('falls back to another key of the translation, else to nothing', () => {
    expect(interpolateOnce('{{ other }}!', {}, (k) => (k === 'other' ? 'Autre' : undefined))).toBe('Autre!');
    expect(interpolateOnce('[{{ missing }}]', {}, none)).toBe('[]');
  });
});
