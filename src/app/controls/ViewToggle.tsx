// Concept or data plane: how the canvas draws a request. Two pressed/unpressed buttons in a
// labelled group; the choice goes to the URL (`?view=`), so a shared link or a reload keeps it.
import { useAppState, useAppStore } from '../AppContext';
import { useT } from '../i18n/useT';
import { patchUi } from '../stores/appStore';
import { withParam, type ViewMode } from '../url';

const VIEWS: ViewMode[] = ['concept', 'dataplane'];

export function ViewToggle() {
  const t = useT();
  const store = useAppStore();
  const view = useAppState((s) => s.ui.view);
  const choose = (next: ViewMode) => {
    patchUi(store, { view: next });
    const search = withParam(window.location.search, 'view', next);
    window.history.replaceState(window.history.state, '', `${search}${window.location.hash}`);
  };
  return (
    <div className="segmented" role="group" aria-label={t('view.label')}>
      {VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          className="segmented__btn"
          aria-pressed={view === v}
          onClick={() => choose(v)}
          title={t(v === 'concept' ? 'view.conceptHint' : 'view.dataplaneHint')}
        >
          {t(v === 'concept' ? 'view.concept' : 'view.dataplane')}
        </button>
      ))}
    </div>
  );
}
