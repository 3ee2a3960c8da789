// What the packets' colours and shapes mean, and the honest note that they are slowed down.
import type { Outcome } from '../../engine/index';
import { useAppState } from '../AppContext';
import { useT } from '../i18n/useT';

const OUTCOMES: Outcome[] = ['ok', 'refused', 'timeout', 'nxdomain', 'reset'];

export function Legend() {
  const t = useT();
  const onCanvas = useAppState((s) => s.ui.packetSurface === 'canvas');
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 className="legend__title" id="legend-title">
        {t('legend.title')}
      </h2>
      <ul className="legend__items">
        {OUTCOMES.map((o) => (
          <li key={o} className="legend__item">
            <span className={`packet-swatch packet-swatch--${o}`} aria-hidden="true" />
            {t(`legend.${o}`)}
          </li>
        ))}
        <li className="legend__item">
          <span className="legend__cross" aria-hidden="true">
            ✕
          </span>
          {t('legend.failed')}
        </li>
      </ul>
      <p className="legend__note">{t('legend.slowed')}</p>
      {onCanvas && (
        <p className="legend__note" data-testid="packets-on-canvas">
          {t('packet.canvasNote')}
        </p>
      )}
    </section>
  );
}
