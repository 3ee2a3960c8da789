// Display options for a classroom: large text for a projector, the colour theme, reduced motion.
// A native disclosure (<details>), so it works with keyboard, touch and screen readers as is.
import type { ChangeEvent } from 'react';
import { useAppState, useAppStore } from '../AppContext';
import { useT } from '../i18n/useT';
import type { Theme } from '../layout/display';
import { patchUi } from '../stores/appStore';

export function DisplayMenu() {
  const t = useT();
  const store = useAppStore();
  const projector = useAppState((s) => s.ui.projector ?? false);
  const theme = useAppState((s) => s.ui.theme ?? 'system');
  const motion = useAppState((s) => s.ui.motion ?? 'system');
  const onTheme = (e: ChangeEvent<HTMLSelectElement>) =>
    patchUi(store, { theme: e.target.value as Theme });
  return (
    <details className="display">
      <summary className="btn display__summary">{t('display.title')}</summary>
      <div className="display__panel">
        <label className="display__row">
          <input
            type="checkbox"
            checked={projector}
            onChange={(e) => patchUi(store, { projector: e.target.checked })}
          />
          <span>{t('display.projector')}</span>
        </label>
        <label className="display__row">
          <input
            type="checkbox"
            checked={motion === 'reduced'}
            onChange={(e) => patchUi(store, { motion: e.target.checked ? 'reduced' : 'system' })}
          />
          <span>{t('display.motion')}</span>
        </label>
        <label className="display__row display__row--select">
          <span>{t('display.theme')}</span>
          <select className="select" value={theme} onChange={onTheme}>
            <option value="system">{t('display.themeSystem')}</option>
            <option value="light">{t('display.themeLight')}</option>
            <option value="dark">{t('display.themeDark')}</option>
          </select>
        </label>
      </div>
    </details>
  );
}
