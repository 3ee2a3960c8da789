// Teacher mode's "Make a lesson from this scenario": the running scenario and the commands run
// on it as a lesson skeleton (lesson.yaml + scenario.yaml) to download and finish by hand.
import { useEffect, useRef, useState } from 'react';
import { useLang } from '../i18n/useT';
import { useLessonController } from './context';
import { lt } from './i18n';
import type { LessonSkeleton } from './skeleton';

export function ExportDialog() {
  const lang = useLang();
  const controller = useLessonController();
  const [skeleton, setSkeleton] = useState<LessonSkeleton | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (skeleton && d && !d.open) d.showModal();
  }, [skeleton]);
  if (!controller) return null;
  const make = async () => setSkeleton(await controller.skeleton());
  return (
    <>
      <button type="button" className="btn lesson__export" onClick={() => void make()}>
        {lt(lang, 'export.button')}
      </button>
      {skeleton && (
        <dialog
          ref={ref}
          className="lesson-export"
          aria-labelledby="lesson-export-title"
          onClose={() => setSkeleton(null)}
        >
          <h2 id="lesson-export-title">{lt(lang, 'export.title')}</h2>
          <p>{lt(lang, 'export.help')}</p>
          {(
            [
              ['lesson.yaml', skeleton.lessonYaml],
              ['scenario.yaml', skeleton.scenarioYaml],
            ] as const
          ).map(([file, text]) => (
            <div key={file} className="lesson-export__file">
              <label>
                {file}
                <textarea readOnly value={text} rows={12} spellCheck={false} />
              </label>
              <a
                className="btn"
                download={file}
                href={`data:text/yaml;charset=utf-8,${encodeURIComponent(text)}`}
              >
                {lt(lang, 'export.download', { file })}
              </a>
            </div>
          ))}
          <button type="button" className="btn" onClick={() => ref.current?.close()}>
            {lt(lang, 'export.close')}
          </button>
        </dialog>
      )}
    </>
  );
}
