import { describe, expect, it } from 'vitest';
import { en } from './en';
import { es } from './es';
import { detectLang, formatSeconds, langReady, loadLang, spokenLang, translate } from './i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('Spanish has exactly the English keys, with the same placeholders', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[])
      expect(placeholders(es[key]), key).toEqual(placeholders(en[key]));
  });

  it('has no empty strings', () => {
    for (const dict of [en, es])
      for (const value of Object.values(dict)) expect(value).not.toBe('');
  });
});

describe('translate', () => {
  it('speaks English until a language’s pack has arrived, then that language', async () => {
    expect(langReady('en')).toBe(true);
    if (!langReady('es')) {
      expect(spokenLang('es')).toBe('en');
      expect(translate('es', 'controls.play')).toBe(en['controls.play']);
    }
    await Promise.all([loadLang('es'), loadLang('es')]);
    expect(langReady('es')).toBe(true);
    expect(spokenLang('es')).toBe('es');
  });

  it('fills placeholders, numbers in the language’s format', async () => {
    await loadLang('es');
    expect(translate('en', 'inspector.title', { name: 'web-1' })).toBe('Pod web-1');
    expect(translate('es', 'controls.play')).toBe('Reproducir');
    expect(translate('es', 'clients.okFailed', { ok: 3, failed: 0 })).toBe(
      '3 correctas · 0 fallidas',
    );
  });

  it('formats virtual seconds with one decimal', () => {
    expect(formatSeconds('en', 12345)).toBe('12.3');
    expect(formatSeconds('es', 12345)).toBe('12,3');
  });
});

describe('detectLang', () => {
  it('prefers ?lang, then the browser, then English', () => {
    expect(detectLang('es', ['en-US'])).toBe('es');
    expect(detectLang(null, ['es-AR', 'en'])).toBe('es');
    expect(detectLang('fr', ['de-DE', 'en-GB'])).toBe('en');
    expect(detectLang(null, ['de-DE'])).toBe('en');
  });
});
