// The translation hook: `const t = useT(); t('controls.play')`, in the app's current language.
import { useMemo } from 'react';
import { useAppState } from '../AppContext';
import { translate, type Lang, type Translate } from './i18n';

export function useT(): Translate {
  const lang = useAppState((s) => s.ui.lang);
  return useMemo(() => (key, params) => translate(lang, key, params), [lang]);
}

export function useLang(): Lang {
  return useAppState((s) => s.ui.lang);
}
