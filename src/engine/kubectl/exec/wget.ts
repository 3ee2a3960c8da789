// BusyBox wget inside a pod (`wget -qO- URL`, `wget -O - URL`, `-T SECONDS`): the body, or BusyBox's
// messages — `bad address`, `can't connect to remote host (…): Connection refused`,
// `download timed out` — with exit code 1.
import type { Cluster } from '../../cluster';
import type { Pod } from '../../api/types';
import { hostPort, requestFrom, responseBody, type ProgramResult } from './request';

/** Runs wget with `args` from `pod`. */
export function wget(c: Cluster, pod: Pod, args: string[]): ProgramResult {
  let quiet = false;
  let output: string | null = null;
  let url: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a.startsWith('-') && a.length > 1 && !a.startsWith('--')) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j];
        if (ch === 'q') quiet = true;
        else if (ch === 'O' || ch === 'T' || ch === 'U' || ch === 'Y') {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (ch === 'O') output = v ?? null;
          break;
        } else if (ch !== 'S' && ch !== 's') {
          return {
            stdout: '',
            stderr: `wget: unrecognized option: ${ch}\nBusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n`,
            code: 1,
          };
        }
      }
    } else if (a === '--quiet') quiet = true;
    else if (a.startsWith('--output-document=')) output = a.slice(18);
    else if (a.startsWith('--')) continue;
    else url = a;
  }
  if (!url)
    return {
      stdout: '',
      stderr:
        'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n',
      code: 1,
    };
  const hp = hostPort(url);
  if (!hp) return { stdout: '', stderr: `wget: bad address '${url}'\n`, code: 1 };
  const r = requestFrom(c, pod, url, 'wget');
  const toStdout = output === '-';
  const target = toStdout ? 'stdout' : `'${output ?? 'index.html'}'`;
  let err = '';
  if (r.outcome === 'nxdomain')
    return { stdout: '', stderr: `wget: bad address '${hp.host}'\n`, code: 1 };
  if (!quiet) err += `Connecting to ${hp.host} (${r.resolved ?? hp.host}:${hp.port})\n`;
  if (r.outcome === 'refused')
    return {
      stdout: '',
      stderr: `${err}wget: can't connect to remote host (${r.resolved ?? hp.host}): Connection refused\n`,
      code: 1,
    };
  if (r.outcome === 'timeout')
    return { stdout: '', stderr: `${err}wget: download timed out\n`, code: 1 };
  if (r.outcome !== 'ok')
    return {
      stdout: '',
      stderr: `${err}wget: error getting response: Connection reset by peer\n`,
      code: 1,
    };
  const body = responseBody(r);
  if (!quiet) {
    err += `${toStdout ? 'writing to stdout' : `saving to ${target}`}\n`;
    const name = toStdout ? '-' : (output ?? 'index.html');
    err += `${name.padEnd(20).slice(0, 20)} 100% |********************************|${String(body.length).padStart(6)}  0:00:00 ETA\n`;
    err += `${toStdout ? 'written to stdout' : `${target} saved`}\n`;
  }
  return { stdout: toStdout ? body : '', stderr: err, code: 0 };
}
