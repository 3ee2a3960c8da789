// The time scrubber: a slider over the cluster's history (0 … the furthest time reached) with
// marks for what happened (applies, deletions, failures, commands). Dragging back rewinds: the
// engine replays the command log to that time (deterministic, so the same pods come back with the
// same names and IPs); what happened next stays ahead and happens again when the clock gets
// there, until a new command starts another history. Keyboard: arrows ±1 s, Page Up/Down ±10 s,
// Home/End; the move happens when the key is released, so holding a key does not replay each step.
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Timeline as TimelineData } from '../../worker/client';
import { useAppState, useRunner } from '../AppContext';
import { formatSeconds } from '../i18n/i18n';
import { useLang, useT } from '../i18n/useT';
import { useEngineQuery } from '../panels/inspector/useQuery';

const KEY_STEPS: Record<string, number> = {
  ArrowRight: 1000,
  ArrowUp: 1000,
  ArrowLeft: -1000,
  ArrowDown: -1000,
  PageUp: 10_000,
  PageDown: -10_000,
};

export function Timeline() {
  const t = useT();
  const lang = useLang();
  const runner = useRunner();
  const now = useAppState((s) => s.engine.now);
  const running = useAppState((s) => s.engine.status === 'running');
  // Asked again every 700 ms (new marks; the horizon moves with the clock) and after a seek.
  const { data } = useEngineQuery<TimelineData>('timeline', (api) => api.timeline(), 700, true);
  const [drag, setDrag] = useState<number | null>(null);
  const [seeking, setSeeking] = useState<number | null>(null);
  const pending = useRef<number | null>(null);
  const track = useRef<HTMLDivElement>(null);
  const horizon = Math.max(now, data?.horizon ?? now, 1);
  const shown = drag ?? seeking ?? now;
  const seconds = (ms: number) => formatSeconds(lang, ms);

  // One seek in flight; while it runs, the latest wanted time waits and goes next.
  const seek = (to: number) => {
    const target = Math.round(Math.max(0, Math.min(horizon, to)));
    if (seeking !== null) {
      pending.current = target;
      return;
    }
    runner.pause();
    setSeeking(target);
    void runner.seek(target).finally(() => {
      const next = pending.current;
      pending.current = null;
      setSeeking(null);
      if (next !== null && next !== target) seek(next);
    });
  };

  const timeAt = (clientX: number) => {
    const r = track.current?.getBoundingClientRect();
    if (!r || r.width === 0) return now;
    return ((clientX - r.left) / r.width) * horizon;
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!running) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    runner.pause();
    setDrag(timeAt(e.clientX));
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag !== null) setDrag(Math.max(0, Math.min(horizon, timeAt(e.clientX))));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (drag === null) return;
    const to = Math.max(0, Math.min(horizon, timeAt(e.clientX)));
    setDrag(null);
    seek(to);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const base = drag ?? pending.current ?? seeking ?? now;
    let to: number | null = null;
    if (KEY_STEPS[e.key] !== undefined) to = base + (KEY_STEPS[e.key] ?? 0);
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = horizon;
    if (to === null) return;
    e.preventDefault();
    runner.pause();
    setDrag(Math.max(0, Math.min(horizon, to)));
  };
  const onKeyUp = (e: KeyboardEvent<HTMLDivElement>) => {
    if (drag === null || !(e.key in KEY_STEPS || e.key === 'Home' || e.key === 'End')) return;
    const to = drag;
    setDrag(null);
    seek(to);
  };
  // A drag that never ends (the pointer left the window): forget it after a while.
  useEffect(() => {
    if (drag === null) return;
    const id = window.setTimeout(() => setDrag(null), 15_000);
    return () => window.clearTimeout(id);
  }, [drag]);

  const pct = (ms: number) => `${Math.min(100, Math.max(0, (ms / horizon) * 100))}%`;
  const rewound = data !== null && horizon > now + 500 && drag === null && seeking === null;
  return (
    <div className="timeline" data-testid="timeline">
      <span className="timeline__label" aria-hidden="true">
        {t('time.label')}
      </span>
      <div
        ref={track}
        className={`timeline__track${drag !== null ? ' is-dragging' : ''}`}
        role="slider"
        tabIndex={running ? 0 : -1}
        aria-label={t('time.slider')}
        aria-valuemin={0}
        aria-valuemax={Math.round(horizon)}
        aria-valuenow={Math.round(shown)}
        aria-valuetext={t('time.value', { seconds: seconds(shown), total: seconds(horizon) })}
        aria-disabled={!running}
        aria-describedby={rewound ? 'timeline-ahead' : undefined}
        data-ms={Math.round(shown)}
        data-horizon={Math.round(horizon)}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDrag(null)}
        onKeyDown={onKeyDown}
        onKeyUp={onKeyUp}
      >
        <div className="timeline__rail" />
        <div className="timeline__past" style={{ width: pct(now) }} />
        {(data?.marks ?? []).map((m, i) => (
          <span
            key={`${m.t}-${m.kind}-${i}`}
            className={`timeline__mark timeline__mark--${m.kind}`}
            style={{ left: pct(m.t) }}
            title={t('time.markTitle', {
              seconds: seconds(m.t),
              label: m.count ? `${m.label} (×${m.count})` : m.label,
            })}
            data-testid="timeline-mark"
            data-kind={m.kind}
            data-t={m.t}
          />
        ))}
        <span className="timeline__thumb" style={{ left: pct(shown) }} />
      </div>
      <span className="timeline__value mono" aria-hidden="true">
        {seconds(shown)} / {seconds(horizon)} s
      </span>
      <p className="visually-hidden" role="status">
        {seeking !== null ? t('time.rewinding', { seconds: seconds(seeking) }) : ''}
      </p>
      {rewound && (
        <p className="timeline__ahead" id="timeline-ahead">
          {t('time.ahead')}
        </p>
      )}
    </div>
  );
}
