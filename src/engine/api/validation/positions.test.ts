import { describe, expect, it } from 'vitest';
import { duplicateKeysText, findDuplicateKeys } from './duplicateKeys';
import { validateManifestObject } from './index';
import { locateField, locateFieldError, parseSource } from './positions';
import { strictDecode } from './strict';

const SOURCE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
    tier_: x
spec:
  replicas: -1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
        ports:
        - containerPort: 0
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  ports:
  - port: 80
    targetport: 8080
`;

describe('locateField', () => {
  const { docs, lineCounter } = parseSource(SOURCE);
  const dep = docs[0];
  const svc = docs[1];
  if (!dep || !svc) throw new Error('two documents expected');

  it('points at the key of an existing field', () => {
    expect(locateField(dep, lineCounter, 'spec.replicas')).toEqual({ line: 9, column: 3 });
    expect(
      locateField(dep, lineCounter, 'spec.template.spec.containers[0].ports[0].containerPort'),
    ).toEqual({
      line: 22,
      column: 11,
    });
  });
  it('works in later documents with absolute lines', () => {
    expect(locateField(svc, lineCounter, 'spec.ports[0].targetport')).toEqual({
      line: 32,
      column: 5,
    });
    expect(locateField(svc, lineCounter, 'spec.ports[0]')).toEqual({ line: 31, column: 5 });
  });
  it('falls back to the closest existing parent for a missing field', () => {
    expect(locateField(dep, lineCounter, 'spec.strategy.rollingUpdate.maxSurge')).toEqual({
      line: 8,
      column: 1,
    });
    expect(locateField(svc, lineCounter, 'spec.ports[0].name')).toEqual({ line: 31, column: 5 });
  });
  it('maps template labels and clusterIPs paths onto what the manifest wrote', () => {
    expect(locateField(dep, lineCounter, 'spec.template.labels')).toEqual({ line: 15, column: 7 });
  });
  it('finds the offending label key inside a map error', () => {
    const r = validateManifestObject(dep.toJS());
    const labelErr = r.errors.find((e) => e.field === 'metadata.labels');
    expect(labelErr).toBeDefined();
    if (labelErr)
      expect(locateFieldError(dep, lineCounter, labelErr)).toEqual({ line: 7, column: 5 });
  });
  it('locates strict-decoding issues', () => {
    const issue = strictDecode(svc.toJS() as Record<string, unknown>)?.issues[0];
    expect(issue?.field).toBe('spec.ports[0].targetport');
    if (issue) expect(locateField(svc, lineCounter, issue.field)).toEqual({ line: 32, column: 5 });
  });
});

describe('duplicate keys', () => {
  it('reports later copies with document-relative lines, like kubectl', () => {
    const text = `apiVersion: v1
kind: Namespace
metadata:
  name: a
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - port: 80
    port: 81
`;
    const { docs, lineCounter } = parseSource(text);
    expect(findDuplicateKeys(docs[0] ?? docs[1]!, lineCounter)).toEqual([]);
    const dups = findDuplicateKeys(docs[1]!, lineCounter);
    expect(dups).toEqual([
      {
        field: 'spec.ports[0].port',
        key: 'port',
        position: { line: 13, column: 5 },
        firstPosition: { line: 12, column: 5 },
        message: 'line 8: mapping key "port" already defined at line 7',
      },
    ]);
    expect(duplicateKeysText(dups)).toBe(
      'error: map[string]interface {}(nil): yaml: unmarshal errors:\n  line 8: mapping key "port" already defined at line 7\n',
    );
  });
});
