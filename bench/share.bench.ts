// Share-link length of the seed lesson: with one pod deleted, and with the manifests edited and
// re-applied (the "one edit" of the target). Prints JSON.
import { readFileSync } from 'node:fs';
import { encodeShare } from '../src/app/share/codec';
import type { SharePayload } from '../src/app/share/payload';

const seed = readFileSync(
  new URL('../src/lessons/seed-services/scenario.yaml', import.meta.url),
  'utf8',
);
const origin = 'https://kubeplay.example.org/';
const base = (log: SharePayload['log']): SharePayload => ({
  v: 1,
  scenario: seed,
  log,
  at: 30_000,
  view: { mode: 'concept', speed: 1, playing: true },
});
const manifests =
  (seed.split('manifests: |\n')[1] ?? '')
    .split('\ntraffic:')[0]
    ?.replace(/^ {2}/gm, '')
    .replace('replicas: 3', 'replicas: 5') ?? '';
const deleted = `${origin}#s=${encodeShare(base([{ at: 8250, run: 'kubectl delete pod backend-54f6664d96-n2sjb' }]))}`;
const edited = `${origin}#s=${encodeShare(base([{ at: 8250, apply: manifests }]))}`;
process.stdout.write(
  JSON.stringify({ seedWithOneEditChars: edited.length, seedWithOneDeleteChars: deleted.length }) +
    '\n',
);
