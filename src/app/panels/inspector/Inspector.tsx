// The inspector: details of whatever was clicked on the canvas (a pod, a Service, a node, a
// packet, the cluster DNS) as a region titled after it, with a close button. Escape (anywhere but
// a text field) closes it and gives focus back to what opened it. Opened from the keyboard, it
// takes focus itself, so its actions are the next Tab stops.
import { useEffect, useRef } from 'react';
import { useAppState, useAppStore } from '../../AppContext';
import { Icon } from '../../controls/Icon';
import { useT } from '../../i18n/useT';
import { inspect, type InspectTarget } from '../../stores/appStore';
import { INSPECTOR_TITLE_ID } from './focus';
import { NodeDetails } from './NodeDetails';
import { PacketDetails, useRequest } from './PacketDetails';
import { Tabs, YamlView } from './parts';
import { PodDetails } from './PodDetails';
import { ServiceDetails } from './ServiceDetails';

type Target = InspectTarget | { kind: 'pod'; name: string };

/** The canvas element that opened the inspector on `target` (focus goes back there). */
function opener(target: Target): HTMLElement | null {
  const q = (sel: string) => document.querySelector<HTMLElement>(sel);
  const name = 'name' in target ? CSS.escape(target.name) : '';
  if (target.kind === 'pod') return q(`[data-testid="pod"][data-name="${name}"]`);
  if (target.kind === 'node') return q(`[data-testid="node"][data-name="${name}"] .k8snode__name`);
  if (target.kind === 'service')
    return q(`[data-testid="service"][data-name="${name}"] .service__name`);
  if (target.kind === 'object' && target.name === 'kube-dns') return q('.dnsbox__name');
  return null;
}

export function Inspector() {
  const t = useT();
  const store = useAppStore();
  const podName = useAppState((s) => s.ui.selectedPod);
  const other = useAppState((s) => s.ui.inspect ?? null);
  const target: Target | null = podName !== null ? { kind: 'pod', name: podName } : other;
  const section = useRef<HTMLElement>(null);
  const targetKey = target ? JSON.stringify(target) : '';
  // A new subject: bring the inspector into view (the side column may have scrolled past it).
  useEffect(() => {
    if (targetKey) section.current?.scrollIntoView({ block: 'nearest' });
  }, [targetKey]);

  const close = () => {
    if (!target) return;
    const back = opener(target);
    inspect(store, null);
    (back ?? document.getElementById('cluster-canvas'))?.focus({ preventScroll: true });
  };

  useEffect(() => {
    if (!target) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const el = e.target instanceof HTMLElement ? e.target : null;
      if (el?.closest('textarea, input, select, [contenteditable="true"]')) return;
      close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  if (!target) return null;
  return (
    <section
      ref={section}
      id="pod-inspector"
      className="inspector"
      aria-labelledby={INSPECTOR_TITLE_ID}
      data-testid="inspector"
      data-kind={target.kind}
    >
      <header className="inspector__head">
        <h2 className="inspector__title" id={INSPECTOR_TITLE_ID} tabIndex={-1}>
          <Title target={target} />
        </h2>
        <button
          type="button"
          className="btn btn--icon"
          onClick={close}
          aria-label={t('inspector.close')}
          title={t('inspector.close')}
        >
          <Icon name="close" />
        </button>
      </header>
      <Body target={target} />
    </section>
  );
}

function Title({ target }: { target: Target }) {
  const t = useT();
  switch (target.kind) {
    case 'pod':
      return t('inspector.title', { name: target.name });
    case 'service':
      return t('inspector.serviceTitle', { name: target.name });
    case 'node':
      return t('inspector.nodeTitle', { name: target.name });
    case 'packet':
      return t('inspector.packetTitle', { id: target.id });
    case 'object':
      return t('inspector.objectTitle', { kind: target.objectKind, name: target.name });
  }
}

function Body({ target }: { target: Target }) {
  switch (target.kind) {
    case 'pod':
      return <PodBody name={target.name} />;
    case 'service':
      return <ServiceBody name={target.name} />;
    case 'node':
      return <NodeBody name={target.name} />;
    case 'packet':
      return <PacketBody id={target.id} />;
    case 'object':
      return (
        <ObjectBody kind={target.objectKind} name={target.name} namespace={target.namespace} />
      );
  }
}

function PodBody({ name }: { name: string }) {
  const t = useT();
  const pod = useAppState((s) => s.engine.pods[name]);
  const lastIp = useAppState((s) => s.engine.memo[name]?.ip ?? null);
  if (pod) return <PodDetails key={name} pod={pod} />;
  return (
    <p className="inspector__gone">
      {t('inspector.gone')}
      {lastIp ? <span className="mono"> ({lastIp})</span> : null}
    </p>
  );
}

function ServiceBody({ name }: { name: string }) {
  const t = useT();
  const svc = useAppState((s) => s.engine.services.find((x) => x.name === name));
  if (!svc) return <p className="inspector__gone">{t('inspector.missing')}</p>;
  return <ServiceDetails key={name} svc={svc} />;
}

function NodeBody({ name }: { name: string }) {
  const t = useT();
  const node = useAppState((s) => s.engine.nodes.find((n) => n.name === name));
  if (!node) return <p className="inspector__gone">{t('inspector.missing')}</p>;
  return <NodeDetails key={name} node={node} />;
}

function PacketBody({ id }: { id: number }) {
  const t = useT();
  const req = useRequest(id);
  if (!req) return <p className="inspector__gone">{t('packet.gone')}</p>;
  return <PacketDetails req={req} />;
}

function ObjectBody({ kind, name, namespace }: { kind: string; name: string; namespace: string }) {
  const t = useT();
  const lookups = useAppState((s) => s.engine.dnsLookups);
  const dns = kind === 'Service' && name === 'kube-dns';
  return (
    <Tabs
      key={`${kind}/${namespace}/${name}`}
      label={t('inspector.tabs')}
      tabs={[
        {
          id: 'yaml',
          label: t('inspector.tab.yaml'),
          render: () => <YamlView kind={kind} name={name} namespace={namespace} />,
        },
        ...(dns
          ? [
              {
                id: 'lookups',
                label: t('inspector.dnsQueries'),
                render: () =>
                  lookups.length === 0 ? (
                    <p className="inspector__note">{t('dns.none')}</p>
                  ) : (
                    <ul className="inspector__events">
                      {lookups.map((l, i) => (
                        <li key={i} className="mono">
                          {l.from}: {l.name} → {l.rcode === 'NOERROR' ? (l.answer ?? '') : l.rcode}
                        </li>
                      ))}
                    </ul>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
