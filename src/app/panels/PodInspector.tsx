// Details of the selected pod (name, IP, node, status, labels, owner) with "Delete pod", which
// runs `kubectl delete pod <name>`. Escape (anywhere but a text field) closes it.
import { useEffect } from 'react';
import { useAppState, useAppStore, useRunner } from '../AppContext';
import { Icon } from '../controls/Icon';
import { useT } from '../i18n/useT';
import { patchUi } from '../stores/appStore';

export function PodInspector() {
  const t = useT();
  const store = useAppStore();
  const runner = useRunner();
  const name = useAppState((s) => s.ui.selectedPod);
  const pod = useAppState((s) => (s.ui.selectedPod ? s.engine.pods[s.ui.selectedPod] : undefined));
  const lastIp = useAppState((s) =>
    s.ui.selectedPod ? (s.engine.memo[s.ui.selectedPod]?.ip ?? null) : null,
  );

  useEffect(() => {
    if (name === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const el = e.target instanceof HTMLElement ? e.target : null;
      if (el?.closest('textarea, input, select, [contenteditable="true"]')) return;
      patchUi(store, { selectedPod: null });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [name, store]);

  if (name === null) return null;
  const close = () => {
    patchUi(store, { selectedPod: null });
    const card = document.querySelector<HTMLElement>(
      `[data-testid="pod"][data-name="${CSS.escape(name)}"]`,
    );
    card?.focus({ preventScroll: true });
  };
  const none = t('inspector.none');
  return (
    <section id="pod-inspector" className="inspector" aria-labelledby="pod-inspector-title">
      <header className="inspector__head">
        <h2 className="inspector__title" id="pod-inspector-title">
          {t('inspector.title', { name })}
        </h2>
        <button
          type="button"
          className="btn btn--icon"
          onClick={close}
          aria-label={t('inspector.close')}
          title={t('inspector.close')}
        >
          <Icon name="close" />
        </button>
      </header>
      {pod ? (
        <>
          <dl className="inspector__fields">
            <dt>{t('inspector.name')}</dt>
            <dd className="mono">{pod.name}</dd>
            <dt>{t('inspector.ip')}</dt>
            <dd className="mono">{pod.ip ?? none}</dd>
            <dt>{t('inspector.node')}</dt>
            <dd className="mono">{pod.node ?? none}</dd>
            <dt>{t('inspector.status')}</dt>
            <dd>{pod.status}</dd>
            <dt>{t('inspector.ready')}</dt>
            <dd>{pod.readyText}</dd>
            <dt>{t('inspector.restarts')}</dt>
            <dd>{pod.restarts}</dd>
            <dt>{t('inspector.owner')}</dt>
            <dd className="mono">{pod.owner ? `ReplicaSet/${pod.owner}` : none}</dd>
            <dt>{t('inspector.labels')}</dt>
            <dd>
              <ul className="inspector__labels">
                {Object.entries(pod.labels).map(([k, v]) => (
                  <li key={k} className="label-chip">
                    {k}={v}
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
          <button
            type="button"
            className="btn btn--danger"
            onClick={() => void runner.deletePod(pod.name)}
            disabled={pod.terminating}
            title={t('inspector.deleteHint', { name: pod.name })}
          >
            <Icon name="trash" />
            <span>{t('inspector.delete')}</span>
          </button>
        </>
      ) : (
        <p className="inspector__gone">
          {t('inspector.gone')}
          {lastIp ? <span className="mono"> ({lastIp})</span> : null}
        </p>
      )}
    </section>
  );
}
