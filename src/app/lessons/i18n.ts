// The lesson UI's own strings (English here, Spanish in i18n.es.ts) (the panel, the gallery, teacher mode, goal
// descriptions and statuses), kept here so lessons can grow without touching the app's
// dictionaries. Kubernetes' own words (Ready, NotReady, kind names, commands) stay in English.
import { formatNumber, type Lang } from '../i18n/i18n';
import { langPack } from '../i18n/packs';

const en = {
  'panel.label': 'Lesson',
  'panel.step': 'Step {n} of {total}',
  'panel.goals': 'Goals',
  'panel.stepDone': 'Step done.',
  'panel.next': 'Continue',
  'panel.complete': 'You finished this lesson. Well done!',
  'panel.hint': 'Show a hint',
  'panel.moreHint': 'Another hint',
  'panel.hints': 'Hints',
  'panel.preparing': 'Preparing this step…',
  'panel.steps': 'Steps',
  'panel.goToStep': '{n}. {id}',
  'panel.gallery': 'All lessons',
  'panel.restart': 'Start over',
  'panel.noLesson': 'This scenario has no guided steps. Pick a lesson:',
  'panel.rulesHere': 'The rules panel below shows what kube-proxy programmed.',
  'teacher.toggle': 'Teacher mode',
  'teacher.solution': 'Solution',
  'teacher.run': 'Run',
  'teacher.solve': 'Run the whole solution',
  'teacher.wait': 'Let {duration} of cluster time pass',
  'teacher.apply': 'Apply these manifests',
  'teacher.link': 'Link to this step',
  'teacher.failed': 'The solution did not reach every goal: {message}',
  'export.button': 'Make a lesson from this scenario',
  'export.title': 'A lesson skeleton from this scenario',
  'export.help':
    'One step per command you ran. Put both files in src/lessons/<id>/, add the id to src/lessons/catalog.yaml, then write the texts and goals (docs/lessons.md).',
  'export.download': 'Download {file}',
  'export.close': 'Close',
  'gallery.title': 'Lessons',
  'gallery.learn': 'You will learn',
  'gallery.minutes': 'about {n} min',
  'gallery.steps': '{n} steps',
  'gallery.progress': '{done} of {total} steps done',
  'gallery.current': 'open now',
  'gallery.close': 'Close',
  'level.beginner': 'Beginner',
  'level.intermediate': 'Intermediate',
  'level.advanced': 'Advanced',
  'rules.title': 'kube-proxy rules',
  'rules.node': 'Node',
  'rules.totals':
    '{mode} mode · {rules} rules in the table for {ports} Service ports · last sync took {ms} ms',
  'rules.behind': 'This node has not synced the latest changes yet.',
  'rules.only': 'Only the Services drawn on the canvas are listed.',
  'goal.met': 'done',
  'goal.open': 'not yet',
  // Goal descriptions ({want} is a count such as "3", "≥ 20" or "≤ 0").
  'g.serviceReadyEndpoints': '{service} has {want} ready endpoints',
  'g.requestsOk': '{want} requests answered{from}{to}',
  'g.requestsOutcome': '{want} requests ended in {outcome}{from}{to}',
  'g.backendsHit': 'Requests{from}{to} answered by {want} different pods',
  'g.podReplaced': 'A new {selector} pod, with a new IP, is Ready',
  'g.podCount': '{want} pods {selector}{qualifiers}',
  'g.podCount.none': 'No pod {selector}{qualifiers}',
  'g.deploymentRevision': 'Deployment {name} is at revision {min} or later',
  'g.deploymentAvailable': 'Deployment {name} is fully rolled out',
  'g.nodeReady.true': '{node} is Ready',
  'g.nodeReady.false': '{node} is NotReady',
  'g.ruleCount': "The Services need {want} iptables rules in kube-proxy's model",
  'g.proxySync': 'A kube-proxy sync since the step began took {want} ms',
  'g.rulesCurrent': "Every running node's kube-proxy has caught up",
  'g.endpointSliceHas': "{service}'s EndpointSlice lists {want} endpoints{qualifiers}",
  'g.dnsResolves': '{name} resolves{answer}',
  'g.dnsResolves.nx': '{name} does not resolve (NXDOMAIN)',
  'g.dnsLookups': 'A name lookup{from}{to} took {want} DNS queries',
  'g.objectField': '{kind} {name}: {path} is {value}',
  'g.objectField.exists': '{kind} {name} has {path}',
  'g.objectField.absent': '{kind} {name} has no {path}',
  'g.commandRun': 'You ran a command matching {pattern}',
  'q.from': ' from {from}',
  'q.to': ' to {to}',
  'q.via': ' by {generator}',
  'q.within': ' in the last {within}',
  'q.status': ', {status}',
  'q.ready': ', ready',
  'q.notReady': ', not ready',
  'q.node': ', on {node}',
  'q.ip': ', with IP {ip}',
  'q.ipEndpoint': ', IP {ip}',
  'q.pod': ', pods {pod}',
  'q.serving': ', serving',
  'q.terminating': ', terminating',
  'q.answer': ' to {answer}',
  'q.answerCount': ' to {want} addresses',
  'q.fromNs': ' (from namespace {ns})',
  // What the evaluator saw.
  's.goal.count': 'now {have}',
  's.goal.missing': '{kind} {name} does not exist',
  's.goal.invalid': 'invalid goal: {message}',
  's.goal.requests': '{have} requests so far',
  's.goal.replaced': '{pod} at {ip}',
  's.goal.notReplaced': 'no replacement yet',
  's.goal.rollout': '{updated} updated, {available} available of {replicas}',
  's.goal.value': 'now {value}',
  's.goal.sync': 'last sync {ms} ms on {node}',
  's.goal.noSync': 'no sync since the step began',
  's.goal.behind': '{have} nodes behind',
  's.goal.dns': 'answer: {value}',
  's.goal.noLookup': 'no name lookup yet',
} as const;

export type LessonMessageKey = keyof typeof en;
export type LessonMessages = Record<LessonMessageKey, string>;

/** The English lesson strings; other languages arrive with their pack (../i18n/packs.ts). */
export const LESSON_MESSAGES_EN: LessonMessages = en;

export type LessonParams = Record<string, string | number>;

/** A lesson UI string in `lang` with `{name}` filled (numbers in the language's format). */
export function lt(lang: Lang, key: LessonMessageKey, params: LessonParams = {}): string {
  return (langPack(lang)?.lessons ?? en)[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(lang, v, Number.isInteger(v) ? 0 : 1) : v;
  });
}

/** True when `key` is one of the lesson UI's strings. */
export function isLessonKey(key: string): key is LessonMessageKey {
  return key in en;
}
