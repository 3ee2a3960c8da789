import { describe, expect, it } from 'vitest';
import { parseUrlOptions, withParam } from './url';

describe('parseUrlOptions', () => {
  it('defaults: first lesson, playing at 1×, concept view, not embedded', () => {
    expect(parseUrlOptions('')).toEqual({
      lesson: null,
      lang: null,
      view: 'concept',
      speed: 1,
      autoplay: true,
      embed: false,
    });
  });

  it('reads every option', () => {
    expect(
      parseUrlOptions('?lesson=seed-services&lang=es&view=dataplane&speed=10&autoplay=0&embed=1'),
    ).toEqual({
      lesson: 'seed-services',
      lang: 'es',
      view: 'dataplane',
      speed: 10,
      autoplay: false,
      embed: true,
    });
  });

  it('clamps the speed and ignores nonsense', () => {
    expect(parseUrlOptions('?speed=1000').speed).toBe(100);
    expect(parseUrlOptions('?speed=0.001').speed).toBe(0.1);
    expect(parseUrlOptions('?speed=fast').speed).toBe(1);
    expect(parseUrlOptions('?speed=-2').speed).toBe(1);
    expect(parseUrlOptions('?view=3d').view).toBe('concept');
    expect(parseUrlOptions('?autoplay=maybe').autoplay).toBe(true);
  });
});

describe('withParam', () => {
  it('sets, replaces and removes one parameter, keeping the others', () => {
    expect(withParam('?speed=2', 'lang', 'es')).toBe('?speed=2&lang=es');
    expect(withParam('?lang=en&speed=2', 'lang', 'es')).toBe('?lang=es&speed=2');
    expect(withParam('?lang=en', 'lang', null)).toBe('');
  });
});
