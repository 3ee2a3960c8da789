// Requests in flight as dots in the flow's own coordinates (React Flow's ViewportPortal). Each dot
// is positioned from the runner's packet clock by framer-motion motion values, so moving them
// never re-renders React; the list re-renders only when frames add or drop packets. With reduced
// motion a dot does not travel: it shows briefly where the request ended.
import { motion, useReducedMotion, useTransform, type MotionValue } from 'framer-motion';
import { memo } from 'react';
import { useAppState, useRunner } from '../AppContext';
import { useT } from '../i18n/useT';
import { pointAt, type Packet } from './packets';

export function PacketLayer() {
  const packets = useAppState((s) => s.engine.packets);
  const clock = useRunner().packetClock;
  const reduced = useReducedMotion() ?? false;
  return (
    <div className="packets" aria-hidden="true">
      {packets.map((p) => (
        <PacketDot key={p.id} packet={p} clock={clock} reduced={reduced} />
      ))}
    </div>
  );
}

const PacketDot = memo(function PacketDot({
  packet: p,
  clock,
  reduced,
}: {
  packet: Packet;
  clock: MotionValue<number>;
  reduced: boolean;
}) {
  const progress = useTransform(clock, (c) => (c - p.t) / p.dur);
  const x = useTransform(progress, (pr) => pointAt(p.points, reduced ? 1 : pr).x);
  const y = useTransform(progress, (pr) => pointAt(p.points, reduced ? 1 : pr).y);
  const dot = useTransform(progress, (pr) => (pr < 0 || pr >= 1 ? 0 : 1));
  const cross = useTransform(progress, (pr) => (p.failed && pr >= 1 ? 1 : 0));
  const t = useT();
  return (
    <motion.div
      className={`packet packet--${p.outcome}`}
      data-testid="packet"
      data-outcome={p.outcome}
      data-from={p.from}
      style={{ x, y }}
    >
      <motion.span className="packet__dot" style={{ opacity: dot }} />
      {p.failed && (
        <motion.span className="packet__fail" style={{ opacity: cross }}>
          ✕
        </motion.span>
      )}
      {p.goneIp !== null && (
        <motion.span className="packet__nobody" style={{ opacity: cross }}>
          {t('packet.nobody', { ip: p.goneIp })}
        </motion.span>
      )}
    </motion.div>
  );
});
