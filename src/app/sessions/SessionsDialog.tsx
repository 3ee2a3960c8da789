// "Scenarios": save what is running under a name, open or delete saved scenarios, import a
// scenario file, export the scenario or only its manifests. Autosave needs no button: the panel
// says what is kept. Failures are announced with role=alert; the running cluster is untouched.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useAppState } from '../AppContext';
import type { MessageKey, Params } from '../i18n/i18n';
import { useLang, useT } from '../i18n/useT';
import { Dialog } from '../share/Dialog';
import { downloadText, MAX_IMPORT_BYTES, sessionFiles } from '../share/files';
import { useSessions, useSessionsState } from './context';
import type { SavedEntry } from './storage';

type Notice = { key: MessageKey; params?: Params; alert: boolean } | null;

export function SessionsDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const [notice, setNotice] = useState<Notice>(null);
  const scope = useSessionsState((s) => s.scope);
  return (
    <Dialog title={t('sessions.title')} onClose={onClose} className="dialog--sessions">
      <p className="dialog__intro">
        {scope?.startsWith('link:') ? t('sessions.linkNote') : t('sessions.autosave')}
      </p>
      <SaveAs onNotice={setNotice} />
      <SavedList onNotice={setNotice} onOpened={onClose} />
      <Files onNotice={setNotice} onOpened={onClose} />
      <div className="dialog__notice">
        {notice && (
          <p role={notice.alert ? 'alert' : 'status'} className={notice.alert ? 'notice--bad' : ''}>
            {t(notice.key, notice.params)}
          </p>
        )}
      </div>
    </Dialog>
  );
}

function SaveAs({ onNotice }: { onNotice(n: Notice): void }) {
  const t = useT();
  const lang = useLang();
  const sessions = useSessions();
  const id = useId();
  const title = useAppState((s) => s.lesson.title[lang] ?? s.lesson.title.en ?? s.lesson.id);
  const [name, setName] = useState(title);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const clean = name.trim();
    if (!clean) return onNotice({ key: 'sessions.nameRequired', alert: true });
    if (!sessions) return;
    setBusy(true);
    const r = await sessions.saveAs(clean);
    setBusy(false);
    if (r.result === 'ok')
      onNotice({ key: 'sessions.saved', params: { name: clean }, alert: false });
    else
      onNotice({
        key:
          r.result === 'full'
            ? 'sessions.full'
            : r.result === 'tooBig'
              ? 'sessions.tooBig'
              : r.result === 'notRunning'
                ? 'share.notRunning'
                : 'sessions.unavailable',
        alert: true,
      });
  };
  return (
    <form className="dialog__section" onSubmit={(e) => void submit(e)}>
      <h3 className="dialog__subtitle">{t('sessions.saveAs')}</h3>
      <div className="field__row">
        <label htmlFor={id} className="visually-hidden">
          {t('sessions.name')}
        </label>
        <input
          id={id}
          className="field__input"
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('sessions.name')}
        />
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {t('sessions.save')}
        </button>
      </div>
    </form>
  );
}

function SavedList({ onNotice, onOpened }: { onNotice(n: Notice): void; onOpened(): void }) {
  const t = useT();
  const lang = useLang();
  const sessions = useSessions();
  const saved = useSessionsState((s) => s.saved);
  const headingId = useId();
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const open = async (e: SavedEntry) => {
    const r = await sessions?.openSaved(e.id);
    if (!r || r.ok) return onOpened();
    if (r.reason === 'newerVersion') onNotice({ key: 'sessions.newer', alert: true });
    else if (r.reason) onNotice({ key: 'sessions.corrupted', alert: true });
    else
      onNotice({
        key: 'sessions.openFailed',
        params: { name: e.name, message: r.message },
        alert: true,
      });
  };
  const remove = (e: SavedEntry) => {
    sessions?.deleteSaved(e.id);
    onNotice({ key: 'sessions.deleted', params: { name: e.name }, alert: false });
  };
  return (
    <section className="dialog__section" aria-labelledby={headingId}>
      <h3 className="dialog__subtitle" id={headingId}>
        {t('sessions.list')}
      </h3>
      {saved.length === 0 ? (
        <p className="panel__empty">{t('sessions.empty')}</p>
      ) : (
        <ul className="saved" aria-labelledby={headingId}>
          {saved.map((e) => (
            <li key={e.id} className="saved__item">
              <span className="saved__name">{e.name}</span>
              <span className="saved__date">
                {t('sessions.savedAt', { date: date.format(e.savedAt) })}
              </span>
              <button
                type="button"
                className="btn"
                onClick={() => void open(e)}
                aria-label={t('sessions.openNamed', { name: e.name })}
              >
                {t('sessions.open')}
              </button>
              <button
                type="button"
                className="btn btn--danger"
                onClick={() => remove(e)}
                aria-label={t('sessions.deleteNamed', { name: e.name })}
              >
                {t('sessions.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Files({ onNotice, onOpened }: { onNotice(n: Notice): void; onOpened(): void }) {
  const t = useT();
  const sessions = useSessions();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (file: File | undefined) => {
    if (!file || !sessions) return;
    if (input.current) input.current.value = '';
    if (file.size > MAX_IMPORT_BYTES)
      return onNotice({
        key: 'files.tooBig',
        params: {
          file: file.name,
          size: Math.ceil(file.size / 1000),
          limit: MAX_IMPORT_BYTES / 1000,
        },
        alert: true,
      });
    setBusy(true);
    const r = await sessions.importScenario(await file.text(), file.name);
    setBusy(false);
    if (r.ok) onOpened();
    else
      onNotice({
        key: 'files.importFailed',
        params: { file: file.name, message: r.message },
        alert: true,
      });
  };

  const exportFile = async (which: 'scenario' | 'manifests') => {
    const s = await sessions?.capture();
    if (!s) return;
    const f = sessionFiles(s.payload)[which];
    downloadText(f.name, f.text);
  };

  return (
    <section className="dialog__section">
      <h3 className="dialog__subtitle">{t('files.title')}</h3>
      <div className="files">
        <button
          type="button"
          className="btn"
          onClick={() => input.current?.click()}
          disabled={busy}
          title={t('files.importHint')}
        >
          {t('files.import')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".yaml,.yml,application/yaml,text/yaml,text/plain"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('files.import')}
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
        <button
          type="button"
          className="btn"
          onClick={() => void exportFile('scenario')}
          title={t('files.exportScenarioHint')}
        >
          {t('files.exportScenario')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void exportFile('manifests')}
          title={t('files.exportManifestsHint')}
        >
          {t('files.exportManifests')}
        </button>
      </div>
    </section>
  );
}
