// Generates the known-field tables for strict decoding and the editor's JSON Schemas from the
// kubernetes-types package (TypeScript declarations of the API, with its doc comments). It owns
// src/engine/api/validation/kubeFields.generated.ts and src/app/editor/schemas/*.json (one schema
// per kind, plus kubernetes.json with every kind for the editor) and must never be edited by
// hand-written code paths: change this script and run it again.
//
// Usage: node scripts/gen-kube-fields.mjs          (write the files)
//        node scripts/gen-kube-fields.mjs --check  (exit 1 if a file is out of date)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import ts from 'typescript';
import * as prettier from 'prettier';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const typesDir = dirname(require.resolve('kubernetes-types/package.json'));
const typesVersion = JSON.parse(readFileSync(join(typesDir, 'package.json'), 'utf8')).version;

/** Modules read from kubernetes-types, by their import path relative to the package root. */
const MODULES = ['core/v1', 'apps/v1', 'meta/v1', 'discovery/v1', 'api/resource', 'runtime'];

/** The kinds kubeplay accepts: apiVersion, kind, declaring module. */
const ROOTS = [
  { apiVersion: 'apps/v1', kind: 'Deployment', module: 'apps/v1' },
  { apiVersion: 'apps/v1', kind: 'ReplicaSet', module: 'apps/v1' },
  { apiVersion: 'v1', kind: 'Pod', module: 'core/v1' },
  { apiVersion: 'v1', kind: 'Service', module: 'core/v1' },
  { apiVersion: 'v1', kind: 'Namespace', module: 'core/v1' },
  { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', module: 'discovery/v1' },
];

/**
 * kubernetes-types spells every integer `number`. The Go types are int32 unless listed here
 * (int64 in k8s.io/api at 1.30), which matters for "... of type int64" in decode errors.
 */
const INT64 = new Set([
  'meta/v1.ObjectMeta.generation',
  'meta/v1.ObjectMeta.deletionGracePeriodSeconds',
  'meta/v1.Condition.observedGeneration',
  'core/v1.PodSpec.activeDeadlineSeconds',
  'core/v1.PodSpec.terminationGracePeriodSeconds',
  'core/v1.Probe.terminationGracePeriodSeconds',
  'core/v1.SleepAction.seconds',
  'core/v1.Toleration.tolerationSeconds',
  'core/v1.PodSecurityContext.runAsUser',
  'core/v1.PodSecurityContext.runAsGroup',
  'core/v1.PodSecurityContext.fsGroup',
  'core/v1.PodSecurityContext.supplementalGroups',
  'core/v1.SecurityContext.runAsUser',
  'core/v1.SecurityContext.runAsGroup',
  'core/v1.ServiceAccountTokenProjection.expirationSeconds',
  'apps/v1.DeploymentStatus.observedGeneration',
  'apps/v1.ReplicaSetStatus.observedGeneration',
]);

/** Aliases that are strings on the wire but have their own decoders. */
const ALIASES = {
  'api/resource.Quantity': 'quantity',
  'meta/v1.Time': 'time',
  'meta/v1.MicroTime': 'time',
};

function loadModules() {
  const interfaces = new Map();
  for (const mod of MODULES) {
    const file = join(typesDir, `${mod}.d.ts`);
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const imports = new Map();
    for (const st of sf.statements) {
      if (ts.isImportDeclaration(st) && st.importClause?.namedBindings) {
        const from = join(mod, '..', st.moduleSpecifier.text).replace(/\\/g, '/');
        for (const el of st.importClause.namedBindings.elements) imports.set(el.name.text, from);
      }
    }
    for (const st of sf.statements) {
      if (!ts.isInterfaceDeclaration(st)) continue;
      const props = [];
      for (const m of st.members) {
        if (!ts.isPropertySignature(m) || !m.type) continue;
        props.push({ name: m.name.text, type: m.type, optional: !!m.questionToken, doc: docOf(m) });
      }
      interfaces.set(`${mod}.${st.name.text}`, {
        mod,
        name: st.name.text,
        props,
        imports,
        doc: docOf(st),
      });
    }
  }
  return interfaces;
}

function docOf(node) {
  const docs = node.jsDoc;
  if (!docs || docs.length === 0) return undefined;
  const text = ts.getTextOfJSDocComment(docs[docs.length - 1].comment);
  return text ? text.trim() : undefined;
}

/** Field type grammar: string|int32|int64|bool|intOrString|quantity|time|any|ref:X|[]T|map:T. */
function typeOf(node, owner, prop, interfaces) {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
    case ts.SyntaxKind.LiteralType:
      return 'string';
    case ts.SyntaxKind.BooleanKeyword:
      return 'bool';
    case ts.SyntaxKind.NumberKeyword:
      return INT64.has(`${owner.mod}.${owner.name}.${prop}`) ? 'int64' : 'int32';
    case ts.SyntaxKind.UnionType: {
      const kinds = node.types.map((t) => t.kind).sort();
      if (
        kinds.join() === [ts.SyntaxKind.NumberKeyword, ts.SyntaxKind.StringKeyword].sort().join()
      ) {
        return 'intOrString';
      }
      if (node.types.every((t) => t.kind === ts.SyntaxKind.LiteralType)) return 'string';
      throw new Error(`unsupported union in ${owner.name}.${prop}`);
    }
    case ts.SyntaxKind.TypeLiteral: {
      const sig = node.members.find(ts.isIndexSignatureDeclaration);
      if (!sig) throw new Error(`unsupported literal in ${owner.name}.${prop}`);
      return `map:${typeOf(sig.type, owner, prop, interfaces)}`;
    }
    case ts.SyntaxKind.ArrayType:
      return `[]${typeOf(node.elementType, owner, prop, interfaces)}`;
    case ts.SyntaxKind.TypeReference: {
      const name = node.typeName.text;
      if (name === 'Array') return `[]${typeOf(node.typeArguments[0], owner, prop, interfaces)}`;
      const qualified = `${owner.imports.get(name) ?? owner.mod}.${name}`;
      if (ALIASES[qualified]) return ALIASES[qualified];
      const target = interfaces.get(qualified);
      if (!target) throw new Error(`unknown type ${qualified} in ${owner.name}.${prop}`);
      return target.props.length === 0 ? 'any' : `ref:${qualified}`;
    }
    default:
      throw new Error(`unsupported type kind ${ts.SyntaxKind[node.kind]} in ${owner.name}.${prop}`);
  }
}

/** Walks every struct reachable from the roots: name -> { field -> type }. */
function collect(interfaces) {
  const table = {};
  const docs = {};
  const queue = ROOTS.map((r) => `${r.module}.${r.kind}`);
  while (queue.length > 0) {
    const name = queue.shift();
    if (table[name]) continue;
    const iface = interfaces.get(name);
    const fields = {};
    docs[name] = { doc: iface.doc, fields: {}, required: [] };
    for (const p of [...iface.props].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const t = typeOf(p.type, iface, p.name, interfaces);
      fields[p.name] = t;
      docs[name].fields[p.name] = p.doc;
      if (!p.optional) docs[name].required.push(p.name);
      const ref = /ref:(.+)$/.exec(t);
      if (ref) queue.push(ref[1]);
    }
    table[name] = fields;
  }
  const sorted = {};
  for (const k of Object.keys(table).sort()) sorted[k] = table[k];
  return { table: sorted, docs };
}

function schemaFor(t, docs, defs) {
  if (t.startsWith('[]')) return { type: 'array', items: schemaFor(t.slice(2), docs, defs) };
  if (t.startsWith('map:')) {
    return { type: 'object', additionalProperties: schemaFor(t.slice(4), docs, defs) };
  }
  if (t.startsWith('ref:')) {
    const name = t.slice(4);
    defs.add(name);
    return { $ref: `#/definitions/${name.replace('/', '.')}` };
  }
  switch (t) {
    case 'string':
      return { type: 'string' };
    case 'bool':
      return { type: 'boolean' };
    case 'int32':
    case 'int64':
      return { type: 'integer', format: t };
    case 'intOrString':
      return {
        anyOf: [{ type: 'integer' }, { type: 'string' }],
        'x-kubernetes-int-or-string': true,
      };
    case 'quantity':
      return { anyOf: [{ type: 'string' }, { type: 'number' }] };
    case 'time':
      return { type: ['string', 'null'], format: 'date-time' };
    default:
      return {};
  }
}

function structSchema(name, table, docs, defs, root) {
  const properties = {};
  for (const [field, t] of Object.entries(table[name])) {
    let s = schemaFor(t, docs, defs);
    if (root && field === 'apiVersion') s = { type: 'string', enum: [root.apiVersion] };
    if (root && field === 'kind') s = { type: 'string', enum: [root.kind] };
    const description = docs[name].fields[field];
    properties[field] = description ? { description, ...s } : s;
  }
  const out = { type: 'object' };
  if (docs[name].doc) out.description = docs[name].doc;
  out.properties = properties;
  const required = root ? ['apiVersion', 'kind', ...docs[name].required] : docs[name].required;
  if (required.length > 0) out.required = [...new Set(required)];
  out.additionalProperties = false;
  return out;
}

function kindSchema(root, table, docs) {
  const rootName = `${root.module}.${root.kind}`;
  const defs = new Set();
  const top = structSchema(rootName, table, docs, defs, root);
  const definitions = {};
  const done = new Set();
  while (done.size < defs.size) {
    for (const d of [...defs].sort()) {
      if (done.has(d)) continue;
      done.add(d);
      definitions[d.replace('/', '.')] = structSchema(d, table, docs, defs, null);
    }
  }
  const sortedDefs = {};
  for (const k of Object.keys(definitions).sort()) sortedDefs[k] = definitions[k];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${root.kind} (${root.apiVersion})`,
    'x-generated-by': `scripts/gen-kube-fields.mjs from kubernetes-types ${typesVersion}`,
    ...top,
    definitions: sortedDefs,
  };
}

/**
 * One schema for a whole multi-document manifests file (monaco-yaml applies a schema per file and
 * validates each document against it). It dispatches on `kind` with `if`/`then`, so a wrong field
 * gives one clear warning from the matching kind's schema, where a `oneOf` of all kinds reports
 * every kind's mismatches. An unknown kind gets one warning listing the known ones.
 */
function combinedSchema(table, docs) {
  const definitions = {};
  const branches = [];
  for (const r of ROOTS) {
    const {
      definitions: defs,
      $schema: _s,
      title,
      'x-generated-by': _g,
      ...top
    } = kindSchema(r, table, docs);
    Object.assign(definitions, defs);
    const id = `${r.module.replace('/', '.')}.${r.kind}`;
    definitions[id] = { title, ...top };
    branches.push({
      if: { properties: { kind: { const: r.kind } }, required: ['kind'] },
      then: { $ref: `#/definitions/${id}` },
    });
  }
  const sortedDefs = {};
  for (const k of Object.keys(definitions).sort()) sortedDefs[k] = definitions[k];
  const kinds = ROOTS.map((r) => r.kind);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kubernetes manifests (kubeplay)',
    'x-generated-by': `scripts/gen-kube-fields.mjs from kubernetes-types ${typesVersion}`,
    type: 'object',
    required: ['apiVersion', 'kind'],
    if: { properties: { kind: { enum: kinds } }, required: ['kind'] },
    then: { allOf: branches },
    else: {
      properties: {
        apiVersion: { type: 'string', enum: [...new Set(ROOTS.map((r) => r.apiVersion))] },
        kind: { type: 'string', enum: kinds },
      },
    },
    definitions: sortedDefs,
  };
}

function tablesModule(table) {
  const roots = Object.fromEntries(
    ROOTS.map((r) => [`${r.apiVersion}/${r.kind}`, `${r.module}.${r.kind}`]),
  );
  return [
    `// Generated by scripts/gen-kube-fields.mjs from kubernetes-types ${typesVersion}. Do not edit:`,
    '// run `node scripts/gen-kube-fields.mjs`. Known fields of every struct reachable from the kinds',
    '// kubeplay accepts, for strict decoding (type grammar in kubeFieldTypes.ts).',
    "import type { KubeKindRoots, KubeTypeTable } from './kubeFieldTypes';",
    '',
    '/** Struct name (module.Name) -> JSON field -> field type. */',
    `export const KUBE_TYPES: KubeTypeTable = ${JSON.stringify(table)};`,
    '',
    '/** "apiVersion/Kind" -> root struct name. */',
    `export const KUBE_ROOTS: KubeKindRoots = ${JSON.stringify(roots)};`,
    '',
  ].join('\n');
}

async function format(path, text, parser) {
  const config = (await prettier.resolveConfig(path)) ?? {};
  return prettier.format(text, { ...config, parser });
}

/** Builds every output file: path (relative to the repo root) -> contents. */
export async function generate() {
  const interfaces = loadModules();
  const { table, docs } = collect(interfaces);
  const out = new Map();
  const tablesPath = 'src/engine/api/validation/kubeFields.generated.ts';
  out.set(tablesPath, await format(join(root, tablesPath), tablesModule(table), 'typescript'));
  for (const r of ROOTS) {
    const path = `src/app/editor/schemas/${r.kind.toLowerCase()}.json`;
    const json = JSON.stringify(kindSchema(r, table, docs));
    out.set(path, await format(join(root, path), json, 'json'));
  }
  const combined = 'src/app/editor/schemas/kubernetes.json';
  const json = JSON.stringify(combinedSchema(table, docs));
  out.set(combined, await format(join(root, combined), json, 'json'));
  return out;
}

async function main() {
  const check = process.argv.includes('--check');
  const files = await generate();
  let stale = 0;
  for (const [rel, text] of files) {
    const abs = join(root, rel);
    let current;
    try {
      current = readFileSync(abs, 'utf8');
    } catch {
      current = null;
    }
    if (current === text) continue;
    if (check) {
      console.error(`out of date: ${rel} (run node scripts/gen-kube-fields.mjs)`);
      stale++;
    } else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
      console.log(`wrote ${rel}`);
    }
  }
  if (stale > 0) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
