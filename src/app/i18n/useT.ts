// The translation hooks: `const t = useT(); t('controls.play')`, in the app's current language —
// English until that language's strings have arrived (i18n.ts loadLang), then re-rendered in it.
import { useMemo, useSyncExternalStore } from 'react';
import { useAppState } from '../AppContext';
import { spokenLang, translate, type Lang, type Translate } from './i18n';
import { packsVersion, subscribePacks } from './packs';

export function useT(): Translate {
  const lang = useLang();
  return useMemo(() => (key, params) => translate(lang, key, params), [lang]);
}

/** The language the page speaks now. */
export function useLang(): Lang {
  const wanted = useAppState((s) => s.ui.lang);
  useSyncExternalStore(subscribePacks, packsVersion);
  return spokenLang(wanted);
}
