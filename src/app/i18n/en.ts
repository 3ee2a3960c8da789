// English UI strings, keyed by dotted names. The source of truth for the key set: every other
// language must have exactly these keys (checked by the type of `es` and by i18n.test.ts).
// Placeholders are {name}. Kubernetes' own event messages are never translated (as on a cluster).
import { clusterEn } from './cluster.en';

export const en = {
  'app.name': 'kubeplay',
  'app.tagline': 'How Kubernetes Services work',
  'app.loading': 'Starting the simulated cluster…',
  'app.toolbar': 'Simulation controls',

  'lang.label': 'Language',
  'lang.en': 'English',
  'lang.es': 'Español',

  'controls.play': 'Play',
  'controls.pause': 'Pause',
  'controls.step': 'Step',
  'controls.stepHint': 'Advance the virtual clock by 100 ms',
  'controls.speed': 'Speed',
  'controls.reset': 'Reset',
  'controls.resetHint': 'Reload the lesson from the start',
  'controls.clock': 'Virtual time',
  'controls.clockValue': '{seconds} s',

  'manifests.title': 'Manifests',
  'manifests.editor': 'Manifests editor',
  'manifests.apply': 'Apply',
  'manifests.applying': 'Applying…',
  'manifests.applyFailed': 'kubectl apply failed',
  'manifests.applied': 'Applied',
  'manifests.hide': 'Fold the manifests away',
  'manifests.show': 'Show the manifests',
  'manifests.hint': 'Edit the YAML and press Apply, like kubectl apply -f.',
  'manifests.diagnostic': 'Line {line}, column {column}: {message}',

  'editor.applyAction': 'Apply (kubectl apply)',
  'editor.keys': '{apply}: apply · {format}: format · {tab}: Tab key moves focus out (on/off)',
  'editor.format': 'Format',
  'editor.formatHint': 'Format the YAML (comments are kept)',
  'editor.prune': 'Delete objects removed from the editor (prune)',
  'editor.problems': 'Problems from the last apply',

  'cluster.title': 'Cluster',
  'cluster.empty': 'No nodes yet.',
  'canvas.controls': 'Zoom controls',
  'canvas.zoomIn': 'Zoom in',
  'canvas.zoomOut': 'Zoom out',
  'canvas.fitView': 'Fit the cluster to the screen',
  'cluster.unscheduled': 'Unscheduled',

  'node.ready': 'Ready',
  'node.notReady': 'NotReady',
  'node.ip': 'IP',
  'node.podCIDR': 'Pod CIDR',
  'node.label': 'Node {name}, {ip}, {state}, pod CIDR {cidr}',

  'pod.client': 'client',
  'pod.backend': 'backend',
  'pod.ready': 'ready',
  'pod.notReady': 'not ready',
  'pod.noIP': 'no IP yet',
  'pod.labels': 'Labels',
  'pod.newIP': 'new IP',
  'pod.wasIP': '(was {ip})',
  'pod.kind': 'Pod',
  'pod.where': '({ready}, on {node})',
  'pod.hint': 'Enter: details · Delete: delete the pod',

  'service.type': 'Type',
  'service.clusterIP': 'ClusterIP',
  'service.dns': 'DNS name',
  'service.ports': 'Ports',
  'service.endpoints': 'Ready endpoints',
  'service.noEndpoints': 'no ready endpoints',
  'service.headless': 'None (headless)',
  'service.label': 'Service {name}, {type}, ClusterIP {ip}, {count} ready endpoints',

  'legend.title': 'Requests',
  'legend.ok': 'answered',
  'legend.refused': 'refused',
  'legend.timeout': 'timed out',
  'legend.nxdomain': 'name not found',
  'legend.reset': 'reset',
  'legend.failed': 'failed here',
  'legend.slowed':
    'Slowed down so you can see them: a real request inside a cluster takes well under a millisecond. Here each one takes about 0.9 s at 1× speed.',

  'packet.nobody': 'no pod at {ip}',
  'inspector.title': 'Pod {name}',
  'inspector.region': 'Pod details',
  'inspector.name': 'Name',
  'inspector.ip': 'IP',
  'inspector.node': 'Node',
  'inspector.status': 'Status',
  'inspector.ready': 'Ready',
  'inspector.restarts': 'Restarts',
  'inspector.labels': 'Labels',
  'inspector.owner': 'Controlled by',
  'inspector.none': '—',
  'inspector.delete': 'Delete pod',
  'inspector.close': 'Close',
  'inspector.gone': 'This pod no longer exists.',
  'inspector.deleteHint': 'kubectl delete pod {name}',

  'side.label': 'Traffic and events',
  'hits.title': 'Answers per backend pod',
  'hits.hint': 'Successful requests each pod answered since the lesson opened.',
  'hits.gone': 'gone',
  'hits.empty': 'No answers yet.',
  'hits.count': '{count} answers',

  'clients.title': 'Clients',
  'clients.okFailed': '{ok} ok · {failed} failed',
  'clients.empty': 'No requests yet.',
  'clients.lastFailure': 'last failure: {outcome}',

  'events.title': 'Events',
  'events.empty': 'No events yet.',
  'events.time': '{seconds} s',

  'errors.langLoad': 'The {lang} texts could not be loaded ({message}); the page stays in English.',
  'errors.chunk':
    'This part of kubeplay could not be loaded ({message}). Check the connection and try again; the cluster keeps running.',
  'errors.retry': 'Try again',
  'errors.load': 'The lesson could not be loaded: {message}',
  'errors.engine': 'The simulation failed: {message}',
  'errors.command': '{command} failed: {message}',
  'errors.unknownLesson': 'There is no lesson named "{id}"; opening the first lesson instead.',
  'errors.dismiss': 'Dismiss',

  'share.button': 'Share',
  'share.title': 'Share this cluster',
  'share.intro':
    'Whoever opens this link sees this cluster at this moment: the same pods, with the same names and IPs, at the same virtual time.',
  'share.link': 'Share link',
  'share.copy': 'Copy',
  'share.copied': 'Copied.',
  'share.copyManual': 'The link is selected: press Ctrl+C (⌘+C on a Mac) to copy it.',
  'share.length': 'Link length: {count} characters',
  'share.qr': 'QR code of the share link',
  'share.qrTooLong': 'This link is too long for a QR code.',
  'share.preparing': 'Preparing the link…',
  'share.failed': 'The link could not be made: {message}',
  'share.notRunning': 'The cluster is not running yet: try again in a moment.',
  'share.tooLong':
    'This scenario is too big for a link ({count} characters). Download it as a file instead.',
  'share.download': 'Download scenario',
  'share.close': 'Close',

  'embed.button': 'Embed',
  'embed.title': 'Embed in a web page',
  'embed.intro':
    'Paste this HTML into a page to show this cluster without the editor and side panels. The page can drive it with messages (see docs/embed.md).',
  'embed.code': 'Embed code',
  'embed.withEditor': 'Include the manifests editor',
  'embed.open': 'Open in a new tab',
  'embed.openHint': 'Open this cluster in the full kubeplay app, in a new tab',

  'sessions.button': 'Scenarios',
  'sessions.title': 'Your scenarios',
  'sessions.autosave':
    'What you do here is kept in this browser and comes back when you reload. Opening a shared link never overwrites it.',
  'sessions.linkNote':
    'You opened a shared link: changes are kept for this link only. Save it to keep it.',
  'sessions.saveAs': 'Save as…',
  'sessions.name': 'Name',
  'sessions.save': 'Save',
  'sessions.saved': 'Saved as «{name}».',
  'sessions.list': 'Saved scenarios',
  'sessions.empty': 'Nothing saved yet.',
  'sessions.savedAt': 'saved {date}',
  'sessions.open': 'Open',
  'sessions.openNamed': 'Open {name}',
  'sessions.opened': 'Opened «{name}».',
  'sessions.delete': 'Delete',
  'sessions.deleteNamed': 'Delete {name}',
  'sessions.deleted': 'Deleted «{name}».',
  'sessions.nameRequired': 'Give it a name first.',
  'sessions.full':
    "The browser's storage is full. Delete a saved scenario, or export this one as a file.",
  'sessions.unavailable': 'This browser does not let kubeplay keep anything (a private window?).',
  'sessions.tooBig': 'This session is too big to keep in the browser; export it as a file instead.',
  'sessions.corrupted': 'Something stored in this browser could not be read, so it was ignored.',
  'sessions.openFailed': '«{name}» could not be opened: {message}',
  'sessions.newer': 'This was saved by a newer version of kubeplay. Reload the page to update it.',

  'files.title': 'Files',
  'files.import': 'Import scenario…',
  'files.importHint': 'Open a kubeplay scenario (YAML) from your computer',
  'files.imported': 'Opened {file}.',
  'files.importFailed': '{file} could not be opened; the cluster was not changed. {message}',
  'files.tooBig': '{file} is too big ({size} KB; the limit is {limit} KB).',
  'files.exportScenario': 'Export scenario',
  'files.exportScenarioHint':
    'A scenario YAML file: the manifests running now, with your kubectl and chaos commands as its timeline',
  'files.exportManifests': 'Export manifests',
  'files.exportManifestsHint':
    'Only the Kubernetes objects, ready for kubectl apply -f on a real cluster',

  'link.truncated':
    'This link is incomplete (it was probably cut off when it was copied). The default lesson opens instead.',
  'link.corrupted': 'This link is damaged and cannot be read. The default lesson opens instead.',
  'link.oversized': 'This link is too big to open safely. The default lesson opens instead.',
  'link.newerVersion':
    'This link was made by a newer version of kubeplay. Reload the page to update, or ask for a new link. The default lesson opens instead.',
  'link.invalidPayload':
    'This link does not hold a kubeplay session. The default lesson opens instead.',
  'link.loadFailed':
    'The scenario in this link could not be started ({message}). The default lesson opens instead.',
  'link.opened': 'Opened a shared link.',

  'events.english': 'Event messages are Kubernetes’ own, in English, as on a real cluster.',

  'console.title': 'kubectl console',
  'console.input': 'kubectl',
  'console.output': 'kubectl output',
  'console.placeholder': 'Type a command, e.g. get pods -o wide',
  'console.help':
    'Enter runs it (kubectl is optional; chaos commands work too) · Tab completes · ↑/↓ history · Ctrl+L clears · Ctrl+C or Stop ends a watch · Ctrl+` comes back here',
  'console.show': 'Show output',
  'console.hide': 'Hide output',
  'console.clear': 'Clear',
  'console.stop': 'Stop',
  'console.copy': 'Copy',
  'console.copyLabel': 'Copy the output of {command}',
  'console.copied': 'Copied',
  'console.stderr': 'stderr',
  'console.exit': 'exit code {code}',
  'console.running': 'Running…',
  'console.watching': 'Watching for changes. Ctrl+C or Stop ends it.',
  'console.stopped': 'Stopped (^C).',
  'console.ended': 'The watch ended: the cluster was reloaded or restarted.',
  'console.interrupted': 'Did not run: {message}',
  'console.truncated': 'Older output of this command was dropped.',
  'console.empty': 'Run kubectl against the simulated cluster here. Try: get pods -o wide',
  'console.completions': 'Completions',
  'console.completionsCount': '{count} completions: {items}',
  'console.noCompletions': 'No completions',

  'recovery.hang': 'The simulation stopped responding. Restarting it and restoring your session…',
  'recovery.crash': 'The simulation crashed ({message}). Restarting it and restoring your session…',
  'recovery.restored':
    'The simulation was restarted and your session restored: {count} commands replayed up to {seconds} s of virtual time.',
  'recovery.busy':
    'The simulation is busy with a big change (thousands of objects take a while in a browser). Waiting for it…',
  'recovery.interrupted': 'the simulation restarted before this finished, so it had no effect',

  ...clusterEn,
} as const;

/** A UI string's key. */
export type MessageKey = keyof typeof en;

/** A complete dictionary: every key of the English one. */
export type Messages = Record<MessageKey, string>;
