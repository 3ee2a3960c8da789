// Requests in flight drawn on one <canvas> over the flow, when there are many: with more than a
// hundred or so moving DOM elements the browser spends the frame painting them (measured in
// bench/canvas.bench.ts), while one canvas draws thousands of dots. These dots are not page
// elements (no [data-testid=packet]); the counters, the chart and the inspector carry the same
// facts as text. Same shapes and colours as the DOM packets (outcome by shape and colour), the
// same ✕ and reason where a request failed, the same paths and packet clock.
import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { Outcome } from '../../engine/index';
import { useAppState, useRunner } from '../AppContext';
import type { MessageKey } from '../i18n/i18n';
import { useT } from '../i18n/useT';
import { useReducedMotion } from '../layout/display';
import type { ViewMode } from '../url';
import { pathLengths } from './packets';
import { packetFrame } from './PacketLayer';

const COLOR_VARS: Record<Outcome, string> = {
  ok: '--pk-ok',
  refused: '--pk-refused',
  timeout: '--pk-timeout',
  nxdomain: '--pk-nxdomain',
  reset: '--pk-reset',
};

export function PacketCanvas({ view }: { view: ViewMode }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const packets = useAppState((s) => s.engine.packets);
  const clock = useRunner().packetClock;
  const flow = useStoreApi();
  const reduced = useReducedMotion();
  const t = useT();

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const { colors, edge, ink } = palette(canvas);
    const items = packets.map((p) => {
      const points = view === 'dataplane' ? p.dataplane : p.points;
      const why =
        p.goneIp !== null
          ? t('packet.nobody', { ip: p.goneIp })
          : p.why
            ? t(`packet.why.${p.why}` as MessageKey)
            : '';
      return { p, points, lengths: pathLengths(points), why };
    });
    let raf = 0;
    const draw = () => {
      raf = 0;
      const dpr = window.devicePixelRatio || 1;
      const w = canvas.clientWidth;
      const h = canvas.clientHeight;
      if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
        canvas.width = Math.round(w * dpr);
        canvas.height = Math.round(h * dpr);
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, w, h);
      const [tx, ty, zoom] = flow.getState().transform;
      const r = Math.max(3, 8 * zoom);
      const c = clock.get();
      let flying = 0;
      // One path per outcome, filled and stroked once: a few canvas calls however many dots.
      const dots = new Map<Outcome, { x: number; y: number }[]>();
      const failed: { x: number; y: number; o: Outcome; why: string }[] = [];
      for (const it of items) {
        const { at, phase } = packetFrame(it.p, it.points, it.lengths, c, reduced);
        if (phase === 'waiting') continue;
        if (phase === 'moving') flying++;
        const done = phase === 'done';
        if (done && !it.p.failed) continue;
        if (done && c > it.p.t + it.p.dur * 1.6) continue;
        const x = at.x * zoom + tx;
        const y = at.y * zoom + ty;
        if (x < -r || y < -r || x > w + r || y > h + r) continue;
        if (done) failed.push({ x, y, o: it.p.outcome, why: it.why });
        else {
          const list = dots.get(it.p.outcome) ?? [];
          list.push({ x, y });
          dots.set(it.p.outcome, list);
        }
      }
      ctx.strokeStyle = edge;
      ctx.lineWidth = 1.5;
      for (const [o, list] of dots) {
        ctx.fillStyle = colors[o];
        ctx.beginPath();
        for (const d of list) shape(ctx, o, d.x, d.y, r);
        ctx.fill();
        ctx.stroke();
      }
      for (const f of failed) {
        cross(ctx, f.x, f.y, r * 1.3, colors[f.o]);
        if (f.why && zoom > 0.35) label(ctx, f.why, f.x, f.y + r * 2.6, zoom, edge, ink);
      }
      // How many are in flight, for tests and benchmarks (the dots themselves are pixels).
      const text = String(flying);
      if (canvas.dataset.inFlight !== text) canvas.dataset.inFlight = text;
    };
    const schedule = () => {
      if (raf === 0) raf = requestAnimationFrame(draw);
    };
    schedule();
    const offClock = clock.subscribe(schedule);
    const offFlow = flow.subscribe(schedule);
    return () => {
      offClock();
      offFlow();
      if (raf !== 0) cancelAnimationFrame(raf);
    };
  }, [packets, view, reduced, clock, flow, t]);

  return (
    <canvas ref={ref} className="packet-canvas" aria-hidden="true" data-testid="packet-canvas" />
  );
}

/** The theme's colours, read once per theme (reading computed styles forces style work). */
const palettes = new Map<string, { colors: Record<Outcome, string>; edge: string; ink: string }>();
function palette(el: Element) {
  const theme = document.documentElement.dataset.theme ?? '';
  let p = palettes.get(theme);
  if (!p) {
    const style = getComputedStyle(el);
    const read = (v: string, fallback: string) => style.getPropertyValue(v).trim() || fallback;
    p = {
      colors: Object.fromEntries(
        Object.entries(COLOR_VARS).map(([k, v]) => [k, read(v, '#888')]),
      ) as Record<Outcome, string>,
      edge: read('--surface', '#fff'),
      ink: read('--text', '#000'),
    };
    palettes.set(theme, p);
  }
  return p;
}

/** Adds the outcome's shape to the current path (as the DOM packets and the legend draw it). */
function shape(ctx: CanvasRenderingContext2D, o: Outcome, x: number, y: number, r: number): void {
  ctx.moveTo(x + r, y);
  if (o === 'ok') ctx.arc(x, y, r, 0, Math.PI * 2);
  else if (o === 'refused') ctx.rect(x - r, y - r, 2 * r, 2 * r);
  else if (o === 'timeout') {
    ctx.moveTo(x, y - r * 1.2);
    ctx.lineTo(x + r * 1.2, y);
    ctx.lineTo(x, y + r * 1.2);
    ctx.lineTo(x - r * 1.2, y);
  } else if (o === 'nxdomain') {
    ctx.moveTo(x, y - r * 1.2);
    ctx.lineTo(x + r * 1.2, y + r);
    ctx.lineTo(x - r * 1.2, y + r);
  } else {
    for (let i = 0; i < 6; i++) {
      const a = (Math.PI / 3) * i;
      ctx.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
    }
  }
  ctx.closePath();
}

function cross(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, color: string) {
  ctx.save();
  ctx.lineCap = 'round';
  ctx.lineWidth = Math.max(2, r / 2.5);
  ctx.strokeStyle = color;
  ctx.beginPath();
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x + r, y - r);
  ctx.lineTo(x - r, y + r);
  ctx.stroke();
  ctx.restore();
}

/** The reason by a failed request's ✕, on a plate so it reads over anything. */
function label(
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  zoom: number,
  plate: string,
  ink: string,
) {
  ctx.save();
  ctx.font = `700 ${Math.max(10, 13 * zoom)}px ui-monospace, monospace`;
  const w = ctx.measureText(text).width + 8;
  const h = Math.max(14, 18 * zoom);
  ctx.fillStyle = plate;
  ctx.fillRect(x - w / 2, y - h / 2, w, h);
  ctx.fillStyle = ink;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, x, y);
  ctx.restore();
}
