// The "Manifests" region: the editor, its Apply button (`kubectl apply`), and what kubectl said.
// A failed apply is announced with role=alert; the last good cluster keeps running.
import { useCallback } from 'react';
import { useAppState, useAppStore, useRunner } from '../AppContext';
import { EditorPanel } from '../editor/EditorPanel';
import { useT } from '../i18n/useT';
import { Icon } from '../controls/Icon';
import { patchEditor, patchUi } from '../stores/appStore';

export function ManifestsPanel() {
  const t = useT();
  const store = useAppStore();
  const runner = useRunner();
  const text = useAppState((s) => s.editor.text);
  const diagnostics = useAppState((s) => s.editor.diagnostics);
  const applying = useAppState((s) => s.editor.applying);
  const lastApply = useAppState((s) => s.editor.lastApply);
  const ready = useAppState((s) => s.engine.status === 'running');
  const open = useAppState((s) => s.ui.editorOpen);
  const apply = (value: string) => void runner.apply(value);
  const validate = useCallback((value: string) => runner.validate(value), [runner]);
  const prune = useAppState((s) => s.editor.prune);
  const lessonId = useAppState((s) => s.lesson.id);
  const toggle = (
    <button
      type="button"
      className="btn btn--icon manifests__toggle"
      onClick={() => patchUi(store, { editorOpen: !open })}
      aria-expanded={open}
      aria-controls="manifests-body"
      aria-label={open ? t('manifests.hide') : t('manifests.show')}
      title={open ? t('manifests.hide') : t('manifests.show')}
    >
      <Icon name={open ? 'collapse' : 'expand'} />
    </button>
  );
  return (
    <section
      className={`manifests${open ? '' : ' manifests--folded'}`}
      aria-label={t('manifests.title')}
    >
      <header className="manifests__head">
        {toggle}
        <h2 className="panel__title">{t('manifests.title')}</h2>
        {open && (
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => apply(store.getState().editor.text)}
            disabled={!ready || applying}
            title={t('manifests.hint')}
          >
            {t('manifests.apply')}
          </button>
        )}
      </header>
      <div id="manifests-body" className="manifests__body" hidden={!open}>
        <EditorPanel
          text={text}
          onChange={(value) => patchEditor(store, { text: value })}
          onApply={apply}
          diagnostics={diagnostics}
          label={t('manifests.editor')}
          draftScope={`lesson:${lessonId}`}
          validate={validate}
          prune={prune}
          onPruneChange={(value) => patchEditor(store, { prune: value })}
        />
        {lastApply && !lastApply.ok && (
          <div className="apply-result apply-result--error" role="alert">
            <strong>{t('manifests.applyFailed')}</strong>
            <pre>{lastApply.errorText}</pre>
          </div>
        )}
        {lastApply?.ok && (
          <div className="apply-result" role="status">
            <strong>{t('manifests.applied')}</strong>
            <pre>{lastApply.output.join('\n')}</pre>
          </div>
        )}
      </div>
    </section>
  );
}
