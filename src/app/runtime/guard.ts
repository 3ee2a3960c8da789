// Puts the self-healing engine client (recovery.ts) into an app instance: its notices become
// alerts (role=alert) in the app's language, and with `?test=1` a fault-injection handle appears
// as `window.__kubeplayEngine` for the resilience tests. Nothing else in the app reads it.
import {
  createEngineClient,
  type EngineClient,
  type EngineClientOptions,
} from '../../worker/client';
import { formatSeconds, translate } from '../i18n/i18n';
import { dismissAlert, pushAlert, type AppStore } from '../stores/appStore';
import { ResilientEngine, type RecoveryStats } from './recovery';

/** What `window.__kubeplayEngine` offers under `?test=1`. */
export interface EngineTestHook {
  /** Terminates the worker silently (it looks hung). */
  kill(): void;
  /** Makes the worker busy-loop. */
  hang(): void;
  /** Makes the worker throw outside any call (an error event). */
  crash(): void;
  stats(): RecoveryStats;
}

declare global {
  interface Window {
    __kubeplayEngine?: EngineTestHook;
  }
}

/** The `createClient` an app instance's runner uses: workers that come back when they fail. */
export function guardedClients(
  store: AppStore,
  search: string,
  spawn: (opts: EngineClientOptions) => EngineClient = createEngineClient,
): (opts: EngineClientOptions) => EngineClient {
  const testHook = new URLSearchParams(search).get('test') === '1';
  const lang = () => store.getState().ui.lang;
  return (opts) => {
    let notice: number | null = null;
    let busy: number | null = null;
    const client = new ResilientEngine(
      {
        spawn,
        onLost: (reason, detail) => {
          pushAlert(store, reason === 'crash' ? 'recovery.crash' : 'recovery.hang', {
            message: detail,
          });
          notice = store.getState().alerts.at(-1)?.id ?? null;
        },
        onRestored: ({ commands, at }) => {
          if (notice !== null) dismissAlert(store, notice);
          notice = null;
          pushAlert(store, 'recovery.restored', {
            count: commands,
            seconds: formatSeconds(lang(), at),
          });
        },
        interruptedText: () => translate(lang(), 'recovery.interrupted'),
        onBusy: () => {
          pushAlert(store, 'recovery.busy');
          busy = store.getState().alerts.at(-1)?.id ?? null;
        },
        onBusyEnd: () => {
          if (busy !== null) dismissAlert(store, busy);
          busy = null;
        },
      },
      opts,
    );
    if (testHook)
      window.__kubeplayEngine = {
        kill: () => client.kill(),
        hang: () => client.fault('hang'),
        crash: () => client.fault('crash'),
        stats: () => ({ ...client.stats }),
      };
    return client;
  };
}
