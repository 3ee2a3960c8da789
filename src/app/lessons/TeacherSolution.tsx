// Teacher mode's view of a step: its solution as commands with Run buttons (commands go to the
// console's engine, manifests into the editor and Apply, waits to the clock), "Solve this step",
// and a link that opens this step directly.
import { useShallow } from 'zustand/react/shallow';
import type { SolutionEntry } from '../../engine/index';
import { useLang } from '../i18n/useT';
import { useLesson, useLessonController } from './context';
import { lt } from './i18n';
import { stepLink } from './urlOptions';

function entryText(e: SolutionEntry): string {
  if (typeof e === 'string') return e;
  if ('apply' in e) return e.apply.trimEnd();
  return e.wait;
}

export function TeacherSolution() {
  const lang = useLang();
  const controller = useLessonController();
  const { entry, step, message, preparing } = useLesson(
    useShallow((s) => ({
      entry: s.entry,
      step: s.step,
      message: s.message,
      preparing: s.preparing,
    })),
  );
  const cur = entry?.lesson.steps[step];
  if (!entry || !cur || !controller) return null;
  return (
    <div className="lesson__teacher-box">
      <h4 className="lesson__subtitle">{lt(lang, 'teacher.solution')}</h4>
      <ol className="lesson__solution">
        {cur.solution.map((e, i) => (
          <li key={i}>
            {typeof e === 'object' && 'wait' in e ? (
              <span className="lesson__cmd-label">
                {lt(lang, 'teacher.wait', { duration: e.wait })}
              </span>
            ) : typeof e === 'object' ? (
              <span className="lesson__cmd-label">{lt(lang, 'teacher.apply')}</span>
            ) : null}
            {!(typeof e === 'object' && 'wait' in e) && (
              <pre className="lesson__cmd">
                <code>{entryText(e)}</code>
              </pre>
            )}
            <button
              type="button"
              className="btn"
              disabled={preparing}
              aria-label={`${lt(lang, 'teacher.run')}: ${entryText(e).split('\n')[0] ?? ''}`}
              onClick={() => void controller.runEntry(e)}
            >
              {lt(lang, 'teacher.run')}
            </button>
          </li>
        ))}
      </ol>
      <p className="lesson__teacher-actions">
        <button
          type="button"
          className="btn"
          disabled={preparing}
          onClick={() => void controller.solve()}
        >
          {lt(lang, 'teacher.solve')}
        </button>
        <a href={stepLink(window.location.search, entry.id, step)}>{lt(lang, 'teacher.link')}</a>
      </p>
      {message && (
        <p className="lesson__message" role="alert">
          {lt(lang, 'teacher.failed', { message })}
        </p>
      )}
    </div>
  );
}
