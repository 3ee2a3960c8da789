// Languages, lookup and formatting for the UI. Pure functions: the React hook lives in useT.ts.
// Never translates Kubernetes' own text (event messages, STATUS values, kubectl output).
import { en, type MessageKey } from './en';
import { langPack, registerPack, type LangPack } from './packs';

/** The languages the UI speaks. */
export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/** How each language other than English arrives: its own chunk. */
const PACK_LOADERS: Record<Exclude<Lang, 'en'>, () => Promise<LangPack>> = {
  es: () => import('./es').then((m) => m.esPack),
};

const loading = new Map<Lang, Promise<void>>();

/** True when `lang`'s strings are here (English always is). */
export function langReady(lang: Lang): boolean {
  return lang === 'en' || langPack(lang) !== undefined;
}

/** Fetches `lang`'s strings once; until they arrive the page speaks English. */
export function loadLang(lang: Lang): Promise<void> {
  if (lang === 'en' || langReady(lang)) return Promise.resolve();
  let p = loading.get(lang);
  if (!p) {
    p = PACK_LOADERS[lang]().then((pack) => registerPack(lang, pack));
    loading.set(lang, p);
    p.catch(() => loading.delete(lang));
  }
  return p;
}

/** The language the page can speak now: `lang` once loaded, English until then. */
export function spokenLang(lang: Lang): Lang {
  return langReady(lang) ? lang : 'en';
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** `?lang` when it names a known language, else the browser's first known language, else English. */
export function detectLang(param: string | null, browser: readonly string[]): Lang {
  if (isLang(param)) return param;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

export type Params = Record<string, string | number>;

/** The translated string for `key`, with `{name}` placeholders filled (numbers in the locale). */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = (langPack(lang)?.ui ?? en)[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number in the language's conventions (decimal comma in Spanish), up to `digits` decimals. */
export function formatNumber(lang: Lang, value: number, digits = 0): string {
  const id = `${lang}:${digits}`;
  let f = numberFormats.get(id);
  if (!f) {
    f = new Intl.NumberFormat(lang, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: false,
    });
    numberFormats.set(id, f);
  }
  return f.format(value);
}

/** A speed factor such as `0.25×` / `0,25×`. */
export function formatSpeed(lang: Lang, x: number): string {
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(x)}×`;
}

/** Virtual milliseconds as seconds with one decimal, e.g. `12.3` / `12,3`. */
export function formatSeconds(lang: Lang, ms: number): string {
  return formatNumber(lang, Math.floor(ms / 100) / 10, 1);
}

export type { MessageKey } from './en';

/** A bound translator, as the `useT()` hook hands it out. */
export type Translate = (key: MessageKey, params?: Params) => string;
