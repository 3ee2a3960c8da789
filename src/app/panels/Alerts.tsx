// Problems the user must read (a lesson that failed to load, a command that failed), announced
// with role=alert and dismissible.
import { useAppState, useAppStore } from '../AppContext';
import { Icon } from '../controls/Icon';
import { useT } from '../i18n/useT';
import { dismissAlert } from '../stores/appStore';

export function Alerts() {
  const t = useT();
  const store = useAppStore();
  const alerts = useAppState((s) => s.alerts);
  return (
    <div className="alerts">
      {alerts.map((a) => (
        <div key={a.id} className="alert" role="alert">
          <span className="alert__text">{t(a.key, a.params)}</span>
          <button
            type="button"
            className="btn btn--icon"
            onClick={() => dismissAlert(store, a.id)}
            aria-label={t('errors.dismiss')}
            title={t('errors.dismiss')}
          >
            <Icon name="close" />
          </button>
        </div>
      ))}
    </div>
  );
}
