// The events log (like `kubectl get events`): newest at the bottom, Kubernetes' own English
// message text, virtual time in seconds. Sticks to the bottom unless the reader scrolled up.
import { memo, useLayoutEffect, useRef } from 'react';
import { useAppState } from '../AppContext';
import { formatSeconds } from '../i18n/i18n';
import { useLang, useT } from '../i18n/useT';
import type { EventRow } from '../stores/traceNotes';

export function EventLog() {
  const t = useT();
  const events = useAppState((s) => s.engine.events);
  const ref = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [events]);

  const onScroll = () => {
    const el = ref.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };

  return (
    <section className="panel panel--events" aria-labelledby="events-title">
      <h2 className="panel__title" id="events-title">
        {t('events.title')}
      </h2>
      <p className="events-note" id="events-note">
        {t('events.english')}
      </p>
      <div
        ref={ref}
        className="events"
        role="log"
        aria-label={t('events.title')}
        aria-describedby="events-note"
        tabIndex={0}
        onScroll={onScroll}
      >
        {events.length === 0 ? (
          <p className="panel__empty">{t('events.empty')}</p>
        ) : (
          events.map((e) => <EventLine key={e.seq} event={e} />)
        )}
      </div>
    </section>
  );
}

const EventLine = memo(function EventLine({ event: e }: { event: EventRow }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className={`event event--${e.type === 'Warning' ? 'warning' : 'normal'}`}>
      <span className="event__time">{t('events.time', { seconds: formatSeconds(lang, e.t) })}</span>
      <span className="event__reason">{e.reason}</span>
      <span className="event__object">{e.object}</span>
      <span className="event__message">{e.message}</span>
    </div>
  );
});
