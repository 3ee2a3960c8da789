// Requests in flight drawn on one <canvas> over the flow, for clusters with hundreds of pods:
// hundreds of moving DOM elements would cost more than the frame budget (STACK.md), while one
// canvas draws thousands of dots. The dots are not page elements (no [data-testid=packet]); the
// counters, the chart and the inspector carry the same facts as text. Same shapes and colours as
// the DOM packets (outcome by shape and colour), same paths, same packet clock.
import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { Outcome } from '../../engine/index';
import { useAppState, useRunner } from '../AppContext';
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

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const style = getComputedStyle(canvas);
    const colors = Object.fromEntries(
      Object.entries(COLOR_VARS).map(([k, v]) => [k, style.getPropertyValue(v).trim() || '#888']),
    ) as Record<Outcome, string>;
    const edge = style.getPropertyValue('--surface').trim() || '#fff';
    const items = packets.map((p) => {
      const points = view === 'dataplane' ? p.dataplane : p.points;
      return { p, points, lengths: pathLengths(points) };
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
      for (const it of items) {
        const { at, phase } = packetFrame(it.p, it.points, it.lengths, c, reduced);
        if (phase === 'waiting') continue;
        const done = phase === 'done';
        if (done && !it.p.failed) continue;
        if (done && c > it.p.t + it.p.dur * 1.6) continue;
        const x = at.x * zoom + tx;
        const y = at.y * zoom + ty;
        if (x < -r || y < -r || x > w + r || y > h + r) continue;
        ctx.fillStyle = colors[it.p.outcome];
        ctx.strokeStyle = edge;
        ctx.lineWidth = 1.5;
        if (done) cross(ctx, x, y, r * 1.3, colors[it.p.outcome]);
        else shape(ctx, it.p.outcome, x, y, r);
      }
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
  }, [packets, view, reduced, clock, flow]);

  return <canvas ref={ref} className="packet-canvas" aria-hidden="true" />;
}

/** The outcome's shape (as the DOM packets and the legend draw it). */
function shape(ctx: CanvasRenderingContext2D, o: Outcome, x: number, y: number, r: number): void {
  ctx.beginPath();
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
  ctx.fill();
  ctx.stroke();
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
