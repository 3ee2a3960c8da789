// Requests over virtual time: per second, the share answered (a line) and the p95 latency (bars),
// as a small inline SVG (no chart library: a few dozen shapes, nothing to load, drawn with the
// page's colours), with the numbers of the last seconds in text beside it for everyone.
import { useMemo } from 'react';
import { useAppState, useAppStore } from '../AppContext';
import { formatNumber } from '../i18n/i18n';
import { useLang, useT } from '../i18n/useT';
import { BUCKET_MS, quantile, type StatsBucket } from '../stores/stats';

/** Seconds the chart shows, and the seconds the summary covers. */
const WINDOW = 60;
const SUMMARY = 10;
const W = 240;
const H = 64;

export function StatsChart() {
  const t = useT();
  const lang = useLang();
  const store = useAppStore();
  // Redrawn once per virtual second, when a bucket closes (the open one is still filling).
  const closed = useAppState((s) => s.engine.series[s.engine.series.length - 2]?.t ?? -1);
  const series = useMemo(
    () => (closed < 0 ? [] : store.getState().engine.series.filter((b) => b.t <= closed)),
    [closed, store],
  );
  const shown = useMemo(() => series.slice(-WINDOW), [series]);
  const summary = useMemo(() => summarize(series.slice(-SUMMARY)), [series]);
  const shapes = useMemo(() => chartShapes(shown), [shown]);
  return (
    <section className="panel panel--stats" aria-labelledby="stats-title">
      <h2 className="panel__title" id="stats-title">
        {t('stats.title')}
      </h2>
      {summary.total === 0 && shown.every((b) => b.ok + b.failed === 0) ? (
        <p className="panel__empty">{t('stats.empty')}</p>
      ) : (
        <>
          <svg
            className="stats__chart"
            viewBox={`0 0 ${W} ${H}`}
            role="img"
            aria-label={t('stats.chartLabel')}
            data-testid="stats-chart"
          >
            <line className="stats__grid" x1="0" x2={W} y1={H * 0.05} y2={H * 0.05} />
            <line className="stats__grid" x1="0" x2={W} y1={H * 0.5} y2={H * 0.5} />
            {shapes.bars.map((b) => (
              <rect key={b.x} className="stats__bar" x={b.x} y={H - b.h} width={b.w} height={b.h} />
            ))}
            <polyline className="stats__line" points={shapes.line} />
            {shapes.failures.map((f) => (
              <circle key={f.x} className="stats__fail" cx={f.x} cy={f.y} r="2.2" />
            ))}
          </svg>
          <p className="stats__legend" aria-hidden="true">
            <span className="stats__key stats__key--line" /> {t('stats.rate')}{' '}
            <span className="stats__key stats__key--bar" /> {t('stats.latency')}
          </p>
          <p className="stats__summary" data-testid="stats-summary" data-rate={summary.rate ?? ''}>
            {t('stats.summary', {
              window: SUMMARY,
              rate: summary.rate === null ? '—' : formatNumber(lang, summary.rate),
              ok: summary.ok,
              failed: summary.failed,
              p50: summary.p50 === null ? '—' : formatNumber(lang, summary.p50, 1),
              p95: summary.p95 === null ? '—' : formatNumber(lang, summary.p95, 1),
            })}
          </p>
        </>
      )}
    </section>
  );
}

/** A closed bucket never changes: its p95 is worked out once. */
const p95Cache = new WeakMap<StatsBucket, number>();
function bucketP95(b: StatsBucket): number {
  let v = p95Cache.get(b);
  if (v === undefined) {
    v = quantile(b.lat, 0.95) ?? 0;
    p95Cache.set(b, v);
  }
  return v;
}

function sortedQuantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? null;
}

function summarize(buckets: StatsBucket[]) {
  const ok = buckets.reduce((n, b) => n + b.ok, 0);
  const failed = buckets.reduce((n, b) => n + b.failed, 0);
  const lat = buckets.flatMap((b) => b.lat);
  lat.sort((a, b) => a - b);
  const total = ok + failed;
  return {
    ok,
    failed,
    total,
    rate: total === 0 ? null : Math.round((100 * ok) / total),
    p50: sortedQuantile(lat, 0.5),
    p95: sortedQuantile(lat, 0.95),
  };
}

/** The line (answered share), the bars (p95 latency, scaled to the window's highest) and dots. */
function chartShapes(buckets: StatsBucket[]) {
  const step = W / WINDOW;
  const p95s = buckets.map(bucketP95);
  const top = Math.max(5, ...p95s);
  const offset = WINDOW - buckets.length;
  const bars = buckets.map((_, i) => {
    const h = ((p95s[i] ?? 0) / top) * (H * 0.45);
    return {
      x: +((offset + i) * step + 0.5).toFixed(1),
      w: +(step - 1).toFixed(1),
      h: +h.toFixed(1),
    };
  });
  const pts: string[] = [];
  const failures: { x: number; y: number }[] = [];
  buckets.forEach((b, i) => {
    const total = b.ok + b.failed;
    if (total === 0) return;
    const x = +((offset + i + 0.5) * step).toFixed(1);
    const y = +(H * 0.05 + (1 - b.ok / total) * H * 0.9).toFixed(1);
    pts.push(`${x},${y}`);
    if (b.failed > 0) failures.push({ x, y });
  });
  return { bars, line: pts.join(' '), failures };
}

export { BUCKET_MS };
