// Requests in flight as DOM dots in the flow's own coordinates (React Flow's ViewportPortal), one
// `[data-testid=packet]` each. One subscription to the runner's packet clock moves every dot by
// writing its transform directly, so motion never re-renders React; the list re-renders only when
// frames add or drop packets. A dot follows the path of the current view and, when its request
// failed, ends in a ✕ with the reason. With reduced motion a dot does not travel: it shows where
// the request ended, for as long as its trip would have taken. Paused, clicking a dot inspects it.
import { memo, useLayoutEffect, useRef, type MouseEvent } from 'react';
import { useAppState, useAppStore, useRunner } from '../AppContext';
import type { MessageKey } from '../i18n/i18n';
import { useT } from '../i18n/useT';
import { useReducedMotion } from '../layout/display';
import { inspect } from '../stores/appStore';
import type { ViewMode } from '../url';
import { pathLengths, pointAt, type Packet, type Point } from './packets';

type Phase = 'waiting' | 'moving' | 'done';

/** Where a packet is drawn and which phase it is in at packet-clock time `c`. */
export function packetFrame(
  p: Packet,
  points: readonly Point[],
  lengths: readonly number[],
  c: number,
  reduced: boolean,
): { at: Point; phase: Phase } {
  const pr = (c - p.t) / p.dur;
  const phase: Phase = pr < 0 ? 'waiting' : pr < 1 ? 'moving' : 'done';
  return { at: pointAt(points, reduced ? 1 : pr, lengths), phase };
}

export function PacketLayer({ view }: { view: ViewMode }) {
  const packets = useAppState((s) => s.engine.packets);
  const clock = useRunner().packetClock;
  const store = useAppStore();
  const reduced = useReducedMotion();
  // Dots can be clicked (to inspect their request) while the clock stands still; while they fly
  // they would only get in the way of clicks on pods.
  const playing = useAppState((s) => s.ui.playing);
  const root = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    // The dots are the container's children, in the order of `packets`.
    const children = root.current?.children;
    const items = packets.map((p, i) => {
      const points = view === 'dataplane' ? p.dataplane : p.points;
      const el = children?.[i] instanceof HTMLElement ? children[i] : null;
      return { p, el, points, lengths: pathLengths(points), phase: '' as Phase | '', at: '' };
    });
    let frame = 0;
    const draw = (c: number) => {
      // Many dots at once: move them every other frame (30 per second is smooth enough for dots,
      // and it halves the painting in software-rendered browsers).
      frame++;
      const busy = items.length > 120;
      for (const it of items) {
        const el = it.el;
        if (!el) continue;
        const { at, phase } = packetFrame(it.p, it.points, it.lengths, c, reduced);
        if (phase !== it.phase) {
          it.phase = phase;
          el.dataset.phase = phase;
        } else if (phase === 'moving' && busy && frame % 2 === 1) continue;
        // Only a dot whose place changed is written (waiting and arrived dots stand still).
        const t = `translate(${at.x.toFixed(1)}px, ${at.y.toFixed(1)}px)`;
        if (t !== it.at) {
          it.at = t;
          el.style.transform = t;
        }
      }
    };
    draw(clock.get());
    return clock.subscribe(draw);
  }, [packets, view, reduced, clock]);

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-id]');
    const id = Number(el?.dataset.id);
    if (Number.isFinite(id)) inspect(store, { kind: 'packet', id });
  };
  return (
    <div
      ref={root}
      className={`packets${playing ? '' : ' packets--paused'}`}
      aria-hidden="true"
      onClick={onClick}
    >
      {packets.map((p) => (
        <PacketDot key={p.id} packet={p} />
      ))}
    </div>
  );
}

const PacketDot = memo(function PacketDot({ packet: p }: { packet: Packet }) {
  const t = useT();
  const why = p.why ? t(`packet.why.${p.why}` as MessageKey) : null;
  return (
    <div
      className={`packet packet--${p.outcome}`}
      data-testid="packet"
      data-outcome={p.outcome}
      data-from={p.from}
      data-id={p.id}
      data-phase="waiting"
    >
      <span className="packet__dot" />
      {p.failed && <span className="packet__fail">✕</span>}
      {p.goneIp !== null ? (
        <span className="packet__why">{t('packet.nobody', { ip: p.goneIp })}</span>
      ) : why ? (
        <span className="packet__why">{why}</span>
      ) : null}
    </div>
  );
});
