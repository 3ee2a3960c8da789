// Pod specs, pod templates and Pods (core validation ValidatePodSpec, ValidatePodTemplateSpec,
// validatePodMetadataAndSpec). Runs on defaulted objects.
import { validateContainers, validateInitContainers } from './container';
import type { FieldError } from './fieldErrors';
import { duplicate, forbidden, invalid, notSupported, required } from './fieldErrors';
import { validateAnnotations, validateLabels, validateObjectMeta } from './meta';
import { inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain } from './names';
import type { Obj } from './obj';
import { has, num, optNum, rec, recOr, recs, str, strMap } from './obj';

/** Volume source keys, in validateVolumeSource's order, with the path child each error uses. */
const VOLUME_SOURCES: ReadonlyArray<readonly [string, string]> = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI'],
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

function validateVolumes(volumes: Obj[], path: string): { names: Set<string>; errs: FieldError[] } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  volumes.forEach((vol, i) => {
    const p = `${path}[${i}]`;
    const el: FieldError[] = [];
    let count = 0;
    for (const [key, child] of VOLUME_SOURCES) {
      if (!has(vol, key)) continue;
      if (count > 0) el.push(forbidden(`${p}.${child}`, 'may not specify more than 1 volume type'));
      else count++;
    }
    if (count === 0) el.push(required(p, 'must specify a volume type'));
    const name = str(vol['name']);
    if (!name) el.push(required(`${p}.name`));
    else el.push(...isDNS1123Label(name).map((m) => invalid(`${p}.name`, name, m)));
    if (names.has(name)) el.push(duplicate(`${p}.name`, name));
    if (el.length === 0) names.add(name);
    else errs.push(...el);
  });
  return { names, errs };
}

/** Options: `resourceIsPod` when the spec belongs to a Pod rather than a template. */
export interface PodSpecOptions {
  resourceIsPod: boolean;
}

/** ValidatePodSpec. */
export function validatePodSpec(spec: Obj, path: string, opts: PodSpecOptions): FieldError[] {
  const errs: FieldError[] = [];
  const grace = optNum(spec['terminationGracePeriodSeconds']);
  if (grace === undefined) errs.push(required(`${path}.terminationGracePeriodSeconds`));
  const vols = validateVolumes(recs(spec['volumes']), `${path}.volumes`);
  errs.push(...vols.errs);
  const containers = recs(spec['containers']);
  errs.push(...validateContainers(containers, vols.names, grace, `${path}.containers`));
  errs.push(
    ...validateInitContainers(
      recs(spec['initContainers']),
      containers,
      vols.names,
      grace,
      `${path}.initContainers`,
    ),
  );
  if (spec['hostNetwork'] === true) {
    containers.forEach((c, i) => {
      recs(c['ports']).forEach((port, j) => {
        const hp = num(port['hostPort']);
        if ((opts.resourceIsPod || hp !== 0) && hp !== num(port['containerPort'])) {
          errs.push(
            invalid(
              `${path}.containers[${i}].ports[${j}].hostPort`,
              hp,
              'must match `containerPort` when `hostNetwork` is true',
            ),
          );
        }
      });
    });
  }
  const restart = str(spec['restartPolicy']);
  if (!restart) errs.push(required(`${path}.restartPolicy`));
  else if (!['Always', 'OnFailure', 'Never'].includes(restart)) {
    errs.push(notSupported(`${path}.restartPolicy`, restart, ['Always', 'OnFailure', 'Never']));
  }
  const dns = str(spec['dnsPolicy']);
  const dnsValues = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
  if (!dns) errs.push(required(`${path}.dnsPolicy`));
  else if (!dnsValues.includes(dns)) errs.push(notSupported(`${path}.dnsPolicy`, dns, dnsValues));
  errs.push(...validateLabels(strMap(spec['nodeSelector']), `${path}.nodeSelector`));
  for (const f of ['serviceAccountName', 'nodeName']) {
    const v = str(spec[f]);
    if (v) errs.push(...isDNS1123Subdomain(v).map((m) => invalid(`${path}.${f}`, v, m)));
  }
  const ads = optNum(spec['activeDeadlineSeconds']);
  if (ads !== undefined && (ads < 1 || ads > 2147483647)) {
    errs.push(invalid(`${path}.activeDeadlineSeconds`, ads, inclusiveRangeError(1, 2147483647)));
  }
  for (const f of ['hostname', 'subdomain']) {
    const v = str(spec[f]);
    if (v) errs.push(...isDNS1123Label(v).map((m) => invalid(`${path}.${f}`, v, m)));
  }
  const pcn = str(spec['priorityClassName']);
  if (pcn)
    errs.push(...isDNS1123Subdomain(pcn).map((m) => invalid(`${path}.priorityClassName`, pcn, m)));
  return errs;
}

/** ValidatePodTemplateSpec: labels and annotations at `<path>.labels` (sic), then the spec. */
export function validatePodTemplateSpec(template: Obj, path: string): FieldError[] {
  const meta = recOr(template['metadata']);
  const errs = validateLabels(strMap(meta['labels']), `${path}.labels`);
  errs.push(...validateAnnotations(strMap(meta['annotations']), `${path}.annotations`));
  const spec = recOr(template['spec']);
  errs.push(...validatePodSpec(spec, `${path}.spec`, { resourceIsPod: false }));
  if (recs(spec['ephemeralContainers']).length > 0) {
    errs.push(
      forbidden(
        `${path}.spec.ephemeralContainers`,
        'ephemeral containers not allowed in pod template',
      ),
    );
  }
  return errs;
}

/** validatePodCreate: metadata (DNS-1123 subdomain name), spec, and Pod-only image checks. */
export function validatePod(pod: Obj): FieldError[] {
  const errs = validateObjectMeta(rec(pod['metadata']), {
    namespaced: true,
    nameFn: isDNS1123Subdomain,
  });
  const spec = recOr(pod['spec']);
  errs.push(...validatePodSpec(spec, 'spec', { resourceIsPod: true }));
  for (const list of ['containers', 'initContainers']) {
    recs(spec[list]).forEach((c, i) => {
      const image = str(c['image']);
      if (image.length !== image.trim().length) {
        errs.push(
          invalid(
            `spec.${list}[${i}].image`,
            image,
            'must not have leading or trailing whitespace',
          ),
        );
      }
    });
  }
  return errs;
}
