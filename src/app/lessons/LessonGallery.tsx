// The lesson gallery: a dialog of cards (title, level, time, what you learn, your progress), each
// a link that opens the lesson (`?lesson=<id>`, language and teacher mode kept); and the quick
// links the lesson panel shows when no lesson is open. Loaded lazily, with the cards.
import { useEffect, useRef } from 'react';
import { localized, localizedList } from '../../lessons/text';
import { useLang } from '../i18n/useT';
import { LESSONS } from './cards';
import { useLesson, useLessonController } from './context';
import { lt } from './i18n';
import { InlineText } from './markdown';
import { lessonLink } from './urlOptions';

export function LessonGallery({ onClose }: { onClose: () => void }) {
  const lang = useLang();
  const controller = useLessonController();
  const current = useLesson((s) => s.entry?.id ?? null);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="lesson-gallery"
      aria-labelledby="lesson-gallery-title"
      onClose={onClose}
    >
      <header className="lesson-gallery__head">
        <h2 id="lesson-gallery-title">{lt(lang, 'gallery.title')}</h2>
        <button type="button" className="btn" onClick={() => ref.current?.close()}>
          {lt(lang, 'gallery.close')}
        </button>
      </header>
      <ol className="lesson-gallery__list">
        {LESSONS.map((l, i) => {
          const total = l.steps;
          const done = controller?.progressOf(l.id).done ?? 0;
          return (
            <li key={l.id}>
              <article
                className={`lesson-card${l.id === current ? ' lesson-card--current' : ''}`}
                aria-labelledby={`lesson-card-${l.id}`}
                data-testid="lesson-card"
                data-lesson={l.id}
              >
                <h3 id={`lesson-card-${l.id}`}>
                  <a href={lessonLink(window.location.search, l.id)}>
                    {i + 1}. {localized(l.title, lang)}
                  </a>
                </h3>
                <p className="lesson-card__meta">
                  <span className={`lesson-card__level lesson-card__level--${l.level}`}>
                    {lt(lang, `level.${l.level}`)}
                  </span>
                  {' · '}
                  {lt(lang, 'gallery.minutes', { n: l.minutes })}
                  {' · '}
                  {lt(lang, 'gallery.steps', { n: total })}
                  {l.id === current && <> · {lt(lang, 'gallery.current')}</>}
                </p>
                <p className="lesson-card__summary">{localized(l.summary, lang)}</p>
                <h4>{lt(lang, 'gallery.learn')}</h4>
                <ul>
                  {localizedList(l.learn, lang).map((x, j) => (
                    <li key={j}>
                      <InlineText text={x} />
                    </li>
                  ))}
                </ul>
                {done > 0 && (
                  <p className="lesson-card__progress">
                    <progress max={total} value={Math.min(done, total)} />{' '}
                    {lt(lang, 'gallery.progress', { done: Math.min(done, total), total })}
                  </p>
                )}
              </article>
            </li>
          );
        })}
      </ol>
    </dialog>
  );
}

/** Links to the first lessons, for a panel with no lesson open (a link, a file, an embed). */
export function QuickLinks() {
  const lang = useLang();
  return (
    <ul className="lesson__quick">
      {LESSONS.slice(0, 4).map((l) => (
        <li key={l.id}>
          <a href={`?lesson=${encodeURIComponent(l.id)}&lang=${lang}`}>
            {localized(l.title, lang)}
          </a>
        </li>
      ))}
    </ul>
  );
}
