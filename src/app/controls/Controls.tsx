// Play/Pause, Step, speed, Reset and the virtual clock. Every action goes through the runner.
import type { ChangeEvent } from 'react';
import { useAppState, useRunner } from '../AppContext';
import { formatSeconds, formatSpeed } from '../i18n/i18n';
import { useLang, useT } from '../i18n/useT';
import { SPEEDS } from '../url';
import { Icon } from './Icon';

export function Controls({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const runner = useRunner();
  const playing = useAppState((s) => s.ui.playing);
  const ready = useAppState((s) => s.engine.status === 'running');
  return (
    <div className="controls" role="toolbar" aria-label={t('app.toolbar')}>
      <button
        type="button"
        className="btn btn--primary btn--play"
        onClick={() => runner.togglePlaying()}
        disabled={!ready}
      >
        <Icon name={playing ? 'pause' : 'play'} />
        <span>{playing ? t('controls.pause') : t('controls.play')}</span>
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => runner.step()}
        disabled={!ready}
        title={t('controls.stepHint')}
      >
        <Icon name="step" />
        <span>{t('controls.step')}</span>
      </button>
      <SpeedSelect />
      {!compact && (
        <button
          type="button"
          className="btn"
          onClick={() => runner.reset()}
          title={t('controls.resetHint')}
        >
          <Icon name="reset" />
          <span>{t('controls.reset')}</span>
        </button>
      )}
      <Clock />
    </div>
  );
}

function SpeedSelect() {
  const t = useT();
  const lang = useLang();
  const runner = useRunner();
  const speed = useAppState((s) => s.ui.speed);
  const options: number[] = SPEEDS.includes(speed as (typeof SPEEDS)[number])
    ? [...SPEEDS]
    : [...SPEEDS, speed].sort((a, b) => a - b);
  const onChange = (e: ChangeEvent<HTMLSelectElement>) => runner.setSpeed(Number(e.target.value));
  return (
    <label className="speed">
      <span className="speed__label">{t('controls.speed')}</span>
      <select className="select" value={String(speed)} onChange={onChange}>
        {options.map((x) => (
          <option key={x} value={String(x)}>
            {formatSpeed(lang, x)}
          </option>
        ))}
      </select>
    </label>
  );
}

function Clock() {
  const t = useT();
  const lang = useLang();
  const now = useAppState((s) => s.engine.now);
  return (
    <div
      className="clock"
      data-testid="clock"
      data-ms={Math.floor(now)}
      role="timer"
      aria-label={t('controls.clock')}
    >
      <Icon name="clock" />
      <span className="clock__value">
        {t('controls.clockValue', { seconds: formatSeconds(lang, now) })}
      </span>
    </div>
  );
}
