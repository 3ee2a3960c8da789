// The rules panel some steps ask for: one node's kube-proxy rules for the Services on the canvas,
// with packet counters, as iptables-save, ipvsadm or nft print them, plus the totals that matter
// at scale (rules in the table, how long the last sync took).
import { useShallow } from 'zustand/react/shallow';
import { useAppState } from '../AppContext';
import { useLang } from '../i18n/useT';
import { useLesson, useLessonController } from './context';
import { lt } from './i18n';

export function RulesView() {
  const lang = useLang();
  const controller = useLessonController();
  const { rules, node } = useLesson(useShallow((s) => ({ rules: s.rules, node: s.rulesNode })));
  const nodes = useAppState(useShallow((s) => s.engine.nodes.map((n) => n.name)));
  if (!controller) return null;
  return (
    <section className="lesson__rules" aria-labelledby="lesson-rules-title">
      <h4 className="lesson__subtitle" id="lesson-rules-title">
        {lt(lang, 'rules.title')}
      </h4>
      <label className="lesson__rules-node">
        {lt(lang, 'rules.node')}{' '}
        <select value={node} onChange={(e) => controller.setRulesNode(e.currentTarget.value)}>
          {(nodes.length > 0 ? nodes : [node]).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      {rules && (
        <>
          <p className="lesson__rules-totals" data-testid="rules-totals">
            {lt(lang, 'rules.totals', {
              mode: rules.mode,
              rules: rules.ruleCount,
              ports: rules.servicePorts,
              ms: rules.lastSyncDurationMs,
            })}
          </p>
          {rules.behind && <p className="lesson__rules-behind">{lt(lang, 'rules.behind')}</p>}
          <pre className="lesson__rules-text" tabIndex={0} aria-label={lt(lang, 'rules.title')}>
            {rules.text}
          </pre>
          <p className="lesson__rules-note">{lt(lang, 'rules.only')}</p>
        </>
      )}
    </section>
  );
}
