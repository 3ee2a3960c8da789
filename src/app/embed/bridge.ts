// The embed bridge: the only code that exchanges messages with the page embedding kubeplay.
//
// Security: messages are accepted only when kubeplay runs in a frame and `event.source` is
// exactly `window.parent`; anything else (other frames, popups, the page itself, a parent with an
// opaque "null" origin) is ignored. Every accepted message is checked (messages.ts) and answered
// with `window.parent.postMessage(msg, event.origin)`.
//
// Before the parent has said anything its origin is unknown. `kubeplay:ready` carries no data, so
// it goes to '*'. Events do carry data: they go to the origin of document.referrer (the page that
// loaded the iframe; browsers send it by default for cross-origin frames) when there is one, and
// are held back (up to MAX_QUEUED) until the parent's first message names its origin otherwise.
import type { EngineRunner } from '../runtime/runner';
import type { AppStore } from '../stores/appStore';
import { scenarioInfo } from '../lessons/catalog';
import { parseInbound, toEmbedEvent, type InboundMessage, type OutboundMessage } from './messages';

/** Messages kept while no origin is known. */
export const MAX_QUEUED = 1_000;

export interface BridgeDeps {
  win: Window;
  runner: EngineRunner;
  store: AppStore;
  /** document.referrer */
  referrer: string;
}

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** Connects an embedded app to its parent page; returns the function that disconnects it. */
export function startEmbedBridge({ win, runner, store, referrer }: BridgeDeps): () => void {
  const parent = win.parent;
  if (parent === win) return () => {};
  let parentOrigin: string | null = null;
  const referrerOrigin = originOf(referrer);
  let ready = false;
  const queue: OutboundMessage[] = [];

  const post = (msg: OutboundMessage, origin: string) => {
    try {
      parent.postMessage(msg, origin);
    } catch {
      // The parent went away or the origin was unusable: nothing to tell.
    }
  };
  const flush = () => {
    const target = parentOrigin ?? referrerOrigin;
    if (!ready || target === null) return;
    for (const msg of queue.splice(0)) post(msg, target);
  };
  const send = (msg: OutboundMessage) => {
    queue.push(msg);
    if (queue.length > MAX_QUEUED) queue.shift();
    flush();
  };

  const announceReady = (running: boolean) => {
    if (ready || !running) return;
    ready = true;
    post({ type: 'kubeplay:ready' }, '*');
    flush();
  };
  const offStore = store.subscribe((s) => announceReady(s.engine.status === 'running'));
  const offFrames = runner.onFrame((frame) => {
    for (const e of frame.events) send({ type: 'kubeplay:event', event: toEmbedEvent(e) });
  });
  announceReady(store.getState().engine.status === 'running');

  const act = async (msg: InboundMessage) => {
    switch (msg.type) {
      case 'kubeplay:play':
        runner.play();
        return;
      case 'kubeplay:pause':
        runner.pause();
        return;
      case 'kubeplay:command': {
        const r = await runner.execLine(msg.command);
        if (!r.ok) send({ type: 'kubeplay:error', message: r.error });
        return;
      }
      case 'kubeplay:load': {
        let info: Awaited<ReturnType<typeof scenarioInfo>>;
        try {
          info = await scenarioInfo(msg.scenario);
        } catch (e) {
          send({ type: 'kubeplay:error', message: e instanceof Error ? e.message : String(e) });
          return;
        }
        const r = await runner.open({
          lesson: { id: 'embed', title: info.title, scenario: msg.scenario },
          load: {},
        });
        if (!r.ok) send({ type: 'kubeplay:error', message: r.message });
      }
    }
  };

  const onMessage = (e: MessageEvent) => {
    if (e.source !== parent || e.origin === 'null' || !e.origin) return;
    const parsed = parseInbound(e.data);
    if (parsed === null) return;
    parentOrigin = e.origin;
    flush();
    if (!parsed.ok) send({ type: 'kubeplay:error', message: parsed.error });
    // One message at a time, in the order the parent sent them (a load may wait for the parser).
    else queued = queued.then(() => act(parsed.message));
  };
  let queued: Promise<void> = Promise.resolve();
  win.addEventListener('message', onMessage);
  return () => {
    win.removeEventListener('message', onMessage);
    offStore();
    offFrames();
  };
}
