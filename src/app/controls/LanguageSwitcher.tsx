// The language picker. Keeps `?lang` in the URL (so a shared link keeps it) and <html lang> in sync.
import { useEffect, type ChangeEvent } from 'react';
import { useAppState, useAppStore } from '../AppContext';
import { isLang, LANGS, translate } from '../i18n/i18n';
import { useLang, useT } from '../i18n/useT';
import { patchUi } from '../stores/appStore';
import { withParam } from '../url';
import { Icon } from './Icon';

export function LanguageSwitcher() {
  const t = useT();
  // The language asked for (its strings may still be on their way; the page speaks English until
  // then), so that picking it again retries a pack that failed to load.
  const lang = useAppState((s) => s.ui.lang);
  const store = useAppStore();
  const onChange = (e: ChangeEvent<HTMLSelectElement>) => {
    const next = e.target.value;
    if (!isLang(next)) return;
    patchUi(store, { lang: next });
    const search = withParam(window.location.search, 'lang', next);
    window.history.replaceState(window.history.state, '', `${search}${window.location.hash}`);
  };
  return (
    <label className="lang">
      <Icon name="globe" />
      <span className="visually-hidden">{t('lang.label')}</span>
      <select className="select" value={lang} onChange={onChange}>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {translate(l, `lang.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Keeps the document's language attribute equal to the UI language. */
export function useDocumentLang(): void {
  const lang = useLang();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
}
