// The "Lesson" region: the open step's text, its goals as a live checklist (checked by the
// simulation, not by a button), hints one at a time, Next once the goals hold, the steps as a
// row to revisit, and in teacher mode the solution with Run buttons, any step, and the lesson
// skeleton export. Lesson texts are rendered as text (markdown-lite), never as HTML.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { GoalStatus } from '../../engine/index';
import { localized, localizedList } from '../../lessons/text';
import { useAppState, useAppStore, useRunner } from '../AppContext';
import { isBuiltInLesson } from './catalog';
import { useLang } from '../i18n/useT';
import { lazyPart } from '../lazyPart';
import { LessonsProvider, useLesson, useLessonController } from './context';
import { LessonController } from './controller';
import { ExportDialog } from './ExportDialog';
import { browserProgressStorage } from './progress';
import { describeGoal, describeStatus } from './goalText';
import { lt } from './i18n';
import { InlineText, LessonText } from './markdown';
import { RulesView } from './RulesView';
import { TeacherSolution } from './TeacherSolution';
import './lessons.css';

// The gallery and the quick links carry every lesson's card: fetched when first shown.
export const LESSON_GALLERY = lazyPart(() =>
  import('./LessonGallery').then((m) => m.LessonGallery),
);
const LessonGallery = LESSON_GALLERY.Component;
const QUICK_LINKS = lazyPart(() => import('./LessonGallery').then((m) => m.QuickLinks));
const QuickLinks = QUICK_LINKS.Component;

/** The lesson region with its own controller (one per app instance; embeds have none). */
export function LessonPanel() {
  const app = useAppStore();
  const runner = useRunner();
  const [controller] = useState(
    () =>
      new LessonController({
        app,
        runner,
        storage: browserProgressStorage(),
        search: window.location.search,
      }),
  );
  useEffect(() => controller.start(), [controller]);
  return (
    <LessonsProvider controller={controller}>
      <LessonPanelBody />
    </LessonsProvider>
  );
}

function LessonPanelBody() {
  const lang = useLang();
  const controller = useLessonController();
  const [galleryOpen, setGalleryOpen] = useState(false);
  const { entry, step, teacher } = useLesson(
    useShallow((s) => ({ entry: s.entry, step: s.step, teacher: s.teacher })),
  );
  // A built-in lesson whose steps are on their way; not when the cluster failed to start.
  const builtIn = useAppState((s) => isBuiltInLesson(s.lesson.id) && s.engine.status !== 'failed');
  if (!controller) return null;
  return (
    <section className="panel lesson" aria-labelledby="lesson-panel-title">
      <header className="lesson__head">
        <h2 className="panel__title" id="lesson-panel-title">
          {lt(lang, 'panel.label')}
        </h2>
        <button type="button" className="btn lesson__gallery" onClick={() => setGalleryOpen(true)}>
          {lt(lang, 'panel.gallery')}
        </button>
      </header>
      {entry ? (
        <>
          <h3 className="lesson__title">{localized(entry.lesson.title, lang)}</h3>
          <StepList />
          <StepBody key={`${entry.id}:${step}`} />
        </>
      ) : builtIn ? (
        // A built-in lesson whose steps are still on their way (its chunk, the first load).
        <p className="panel__empty">{lt(lang, 'panel.preparing')}</p>
      ) : (
        <NoLesson />
      )}
      <label className="lesson__teacher">
        <input
          type="checkbox"
          checked={teacher}
          onChange={(e) => controller.setTeacher(e.currentTarget.checked)}
        />
        {lt(lang, 'teacher.toggle')}
      </label>
      {teacher && <ExportDialog />}
      {galleryOpen && <LessonGallery onClose={() => setGalleryOpen(false)} />}
    </section>
  );
}

function NoLesson() {
  const lang = useLang();
  return (
    <>
      <p className="panel__empty">{lt(lang, 'panel.noLesson')}</p>
      <QuickLinks />
    </>
  );
}

/** The steps as a row of numbered buttons: done, current, open to revisit (teacher: all). */
function StepList() {
  const lang = useLang();
  const controller = useLessonController();
  const { entry, step, done } = useLesson(
    useShallow((s) => ({ entry: s.entry, step: s.step, done: s.done, teacher: s.teacher })),
  );
  if (!entry || !controller) return null;
  const total = entry.lesson.steps.length;
  return (
    <nav className="lesson__steps" aria-label={lt(lang, 'panel.steps')}>
      <p className="lesson__count" data-testid="lesson-step" data-step={step + 1}>
        {lt(lang, 'panel.step', { n: step + 1, total })}
      </p>
      <ol>
        {entry.lesson.steps.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              className={`lesson__dot${i === step ? ' lesson__dot--current' : ''}${done.includes(s.id) ? ' lesson__dot--done' : ''}`}
              aria-current={i === step ? 'step' : undefined}
              aria-label={lt(lang, 'panel.goToStep', { n: i + 1, id: s.id })}
              title={s.id}
              disabled={!controller.canOpen(i) || i === step}
              onClick={() => controller.goTo(i)}
            >
              {done.includes(s.id) ? '✓' : i + 1}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function StepBody() {
  const lang = useLang();
  const controller = useLessonController();
  const st = useLesson(
    useShallow((s) => ({
      entry: s.entry,
      step: s.step,
      statuses: s.statuses,
      done: s.done,
      preparing: s.preparing,
      teacher: s.teacher,
      hints: s.hints,
    })),
  );
  const cur = st.entry?.lesson.steps[st.step];
  if (!st.entry || !cur || !controller) return null;
  const isDone = st.done.includes(cur.id);
  const last = st.step + 1 >= st.entry.lesson.steps.length;
  const hints = localizedList(cur.hints, lang);
  return (
    <div className="lesson__step">
      <div className="lesson__text">
        <LessonText text={localized(cur.text, lang)} />
      </div>
      {st.preparing && (
        <p className="lesson__preparing" role="status">
          {lt(lang, 'panel.preparing')}
        </p>
      )}
      <h4 className="lesson__subtitle">{lt(lang, 'panel.goals')}</h4>
      <ul className="lesson__goals" aria-label={lt(lang, 'panel.goals')}>
        {cur.goals.map((g, i) => (
          <GoalRow
            key={i}
            text={describeGoal(g, lang)}
            status={st.preparing ? undefined : st.statuses[i]}
          />
        ))}
      </ul>
      <div className="lesson__progress" role="status" aria-live="polite">
        {isDone && (
          <p className="lesson__done" data-testid="step-done">
            {last ? lt(lang, 'panel.complete') : lt(lang, 'panel.stepDone')}
          </p>
        )}
      </div>
      <div className="lesson__actions">
        {!last && (
          <button
            type="button"
            className="btn btn--primary"
            disabled={!(isDone || st.teacher) || st.preparing}
            onClick={() => void controller.next()}
          >
            {lt(lang, 'panel.next')}
          </button>
        )}
        <button
          type="button"
          className="btn"
          disabled={st.preparing}
          onClick={() => controller.goTo(st.step)}
        >
          {lt(lang, 'panel.restart')}
        </button>
      </div>
      {cur.show?.includes('rules') && <RulesView />}
      {hints.length > 0 && (
        <div className="lesson__hints">
          {st.hints > 0 && (
            <>
              <h4 className="lesson__subtitle">{lt(lang, 'panel.hints')}</h4>
              <ol>
                {hints.slice(0, st.hints).map((h, i) => (
                  <li key={i}>
                    <InlineText text={h} />
                  </li>
                ))}
              </ol>
            </>
          )}
          {st.hints < hints.length && (
            <button type="button" className="btn" onClick={() => controller.showHint()}>
              {lt(lang, st.hints === 0 ? 'panel.hint' : 'panel.moreHint')}
            </button>
          )}
        </div>
      )}
      {st.teacher && <TeacherSolution />}
    </div>
  );
}

function GoalRow({ text, status }: { text: string; status: GoalStatus | undefined }) {
  const lang = useLang();
  const met = status?.met === true;
  const detail = status ? describeStatus(status, lang) : '';
  return (
    <li
      className={`lesson__goal${met ? ' lesson__goal--met' : ''}`}
      data-testid="goal"
      data-met={met}
    >
      <span className="lesson__mark" aria-hidden="true">
        {met ? '✓' : '○'}
      </span>
      <span className="lesson__goal-text">
        {text}
        <span className="visually-hidden">
          {' — '}
          {lt(lang, met ? 'goal.met' : 'goal.open')}
        </span>
        {detail && <span className="lesson__goal-detail"> ({detail})</span>}
      </span>
    </li>
  );
}
