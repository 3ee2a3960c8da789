// Every UI string exists in every language, is never empty, and is really translated: a value equal
// to the English one is allowed only for the keys listed here (Kubernetes' own words, names,
// symbols), so an English string pasted into es.ts to "fill the gap" fails the build.
import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from './en';
import { es } from './es';
import { LANGS } from './i18n';

/** Keys whose text is the same in every language, and why. */
const SAME_IN_EVERY_LANGUAGE: Partial<Record<MessageKey, string>> = {
  'app.name': 'the product name',
  'lang.en': 'a language is named in its own language',
  'lang.es': 'a language is named in its own language',
  'controls.clockValue': 'a number and the SI unit s',
  'events.time': 'a number and the SI unit s',
  'node.ready': 'the Kubernetes node condition, as kubectl prints it',
  'node.notReady': 'the Kubernetes node condition, as kubectl prints it',
  'node.ip': 'IP',
  'inspector.ip': 'IP',
  'pod.kind': 'the Kubernetes kind',
  'pod.backend': 'the role of the pod, as the manifests name it',
  'inspector.title': 'the Kubernetes kind and the pod name',
  'service.clusterIP': 'the Kubernetes field',
  'service.headless': 'clusterIP: None, the Kubernetes value',
  'inspector.none': 'a dash',
  'inspector.deleteHint': 'a kubectl command',
  'console.input': 'the command the textbox runs (DESIGN.md §5 names it "kubectl")',
  'console.stderr': 'the name of the Unix output stream',
};

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings in every language', () => {
  const keys = Object.keys(en) as MessageKey[];

  for (const lang of LANGS) {
    const dict = { en, es }[lang];

    it(`${lang}: has exactly the English keys`, () => {
      expect(Object.keys(dict).sort()).toEqual([...keys].sort());
    });

    it(`${lang}: no value is empty or only spaces`, () => {
      for (const key of keys) expect(dict[key]?.trim(), `${lang} ${key}`).toBeTruthy();
    });

    it(`${lang}: the same placeholders as English`, () => {
      for (const key of keys)
        expect(placeholders(dict[key]), `${lang} ${key}`).toEqual(placeholders(en[key]));
    });

    if (lang !== 'en')
      it(`${lang}: translated, except for the listed keys`, () => {
        const untranslated = keys.filter(
          (k) => dict[k] === en[k] && !(k in SAME_IN_EVERY_LANGUAGE),
        );
        expect(untranslated).toEqual([]);
      });
  }

  it('the list of keys allowed to stay the same has no stale entries', () => {
    for (const key of Object.keys(SAME_IN_EVERY_LANGUAGE)) expect(en).toHaveProperty([key]);
  });
});
