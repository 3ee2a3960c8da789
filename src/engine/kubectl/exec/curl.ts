// curl 8 inside a pod: the body on success; on failure curl's own messages and exit codes —
// (6) Could not resolve host, (7) Failed to connect … Could not connect to server, (28) timeouts,
// (56) reset. -s hides errors unless -S; without -s the progress meter goes to stderr.
import type { Cluster } from '../../cluster';
import type { Pod } from '../../api/types';
import { cidrContains } from '../../util/ip';
import { rfc1123z } from '../age';
import { hostPort, requestFrom, responseBody, type ProgramResult } from './request';

const HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";
/** Linux gives up on an unanswered SYN after 127 s (tcp_syn_retries = 6). */
const KERNEL_CONNECT_TIMEOUT_MS = 127_000;
/** A pod-network address nobody holds: ARP fails and the kernel reports EHOSTUNREACH after ~3 s. */
const ARP_FAILURE_MS = 3_000;

interface CurlOpts {
  silent: boolean;
  showError: boolean;
  maxTime: number | null;
  output: string | null;
  writeOut: string | null;
  include: boolean;
  head: boolean;
  fail: boolean;
  url: string | null;
}

const VALUE_OPTS = new Set([
  '-m',
  '--max-time',
  '--connect-timeout',
  '-o',
  '--output',
  '-w',
  '--write-out',
  '-X',
  '--request',
  '-H',
  '--header',
  '-d',
  '--data',
  '-A',
  '--user-agent',
  '-u',
  '--user',
]);
const BOOL_LONG = new Set([
  '--silent',
  '--show-error',
  '--include',
  '--head',
  '--fail',
  '--location',
  '--insecure',
  '--verbose',
  '--no-progress-meter',
]);

function parse(args: string[]): CurlOpts | string {
  const o: CurlOpts = {
    silent: false,
    showError: false,
    maxTime: null,
    output: null,
    writeOut: null,
    include: false,
    head: false,
    fail: false,
    url: null,
  };
  const setValue = (flag: string, v: string): string | null => {
    if (flag === '-m' || flag === '--max-time' || flag === '--connect-timeout') {
      if (!/^\d+(\.\d+)?$/.test(v))
        return `curl: option ${flag}: expected a proper numerical parameter\n${HELP}`;
      const t = Number(v);
      o.maxTime = o.maxTime === null ? t : Math.min(o.maxTime, t);
    } else if (flag === '-o' || flag === '--output') o.output = v;
    else if (flag === '-w' || flag === '--write-out') o.writeOut = v;
    return null;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a.startsWith('--')) {
      const [flag = '', inline] = a.split(/=(.*)/s);
      if (VALUE_OPTS.has(flag)) {
        const v = inline ?? args[++i];
        if (v === undefined) return `curl: option ${flag}: requires parameter\n${HELP}`;
        const err = setValue(flag, v);
        if (err) return err;
      } else if (BOOL_LONG.has(flag)) {
        if (flag === '--silent' || flag === '--no-progress-meter')
          o.silent = o.silent || flag === '--silent';
        if (flag === '--show-error') o.showError = true;
        if (flag === '--include') o.include = true;
        if (flag === '--head') o.head = true;
        if (flag === '--fail') o.fail = true;
      } else return `curl: option ${flag}: is unknown\n${HELP}`;
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const ch = `-${a[j]}`;
        if (VALUE_OPTS.has(ch)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return `curl: option ${ch}: requires parameter\n${HELP}`;
          const err = setValue(ch, v);
          if (err) return err;
          break;
        }
        if (ch === '-s') o.silent = true;
        else if (ch === '-S') o.showError = true;
        else if (ch === '-i') o.include = true;
        else if (ch === '-I') o.head = true;
        else if (ch === '-f') o.fail = true;
        else if (!['-L', '-k', '-v'].includes(ch)) return `curl: option ${a}: is unknown\n${HELP}`;
      }
    } else if (o.url === null) o.url = a;
  }
  return o;
}

function max5(n: number): string {
  if (n < 100_000) return String(Math.floor(n)).padStart(5);
  return `${Math.floor(n / 1024)}k`.padStart(5);
}

function meter(bytes: number, seconds: number): string {
  const head =
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
    '                                 Dload  Upload   Total   Spent    Left  Speed\n';
  const pct = bytes > 0 ? '100' : '  0';
  const speed = bytes > 0 ? Math.floor(bytes / Math.max(seconds, 0.001)) : 0;
  return `${head}${pct} ${max5(bytes)}  ${pct} ${max5(bytes)}    0     0  ${max5(speed)}      0 --:--:-- --:--:-- --:--:-- ${max5(speed)}\n`;
}

/** The destination is a pod-network address that no pod holds (a replaced pod's old IP). */
function noSuchPod(c: Cluster, dst: string | null): boolean {
  const ip = dst?.split(':')[0] ?? '';
  return cidrContains(c.config.podCIDR, ip) && !c.store.podByIP.has(ip);
}

/** Runs curl with `args` from `pod`. */
export function curl(c: Cluster, pod: Pod, args: string[]): ProgramResult {
  const o = parse(args);
  if (typeof o === 'string') return { stdout: '', stderr: o, code: 2 };
  if (o.url === null) return { stdout: '', stderr: `curl: no URL specified\n${HELP}`, code: 2 };
  const hp = hostPort(o.url);
  if (!hp)
    return {
      stdout: '',
      stderr: `curl: (3) URL rejected: Malformed input to a URL function\n`,
      code: 3,
    };
  const r = requestFrom(c, pod, o.url, 'curl');
  const quietErrors = o.silent && !o.showError;
  const progress = (bytes: number) => (o.silent ? '' : meter(bytes, r.latencyMs / 1000));
  const writeOut = (code: string) =>
    (o.writeOut ?? '')
      .replace(/%\{http_code\}|%\{response_code\}/g, code)
      .replace(/%\{remote_ip\}/g, r.dst?.split(':')[0] ?? '')
      .replace(/%\{time_total\}/g, (r.latencyMs / 1000).toFixed(6))
      .replace(/\\n/g, '\n')
      .replace(/\\t/g, '\t');
  if (r.outcome === 'ok') {
    const body = responseBody(r);
    const headers = `HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\nContent-Type: text/plain; charset=utf-8\r\nDate: ${rfc1123z(c.now).replace('+0000', 'GMT')}\r\n\r\n`;
    let shown = o.head ? headers : o.include ? headers + body : body;
    if (o.output !== null && o.output !== '-') shown = '';
    return { stdout: shown + writeOut('200'), stderr: progress(o.head ? 0 : body.length), code: 0 };
  }
  const ms = Math.floor(r.latencyMs);
  let code: number;
  let msg: string;
  if (r.outcome === 'nxdomain') {
    code = 6;
    msg = `curl: (6) Could not resolve host: ${hp.host}`;
  } else if (r.outcome === 'refused') {
    code = 7;
    msg = `curl: (7) Failed to connect to ${hp.host} port ${hp.port} after ${ms} ms: Could not connect to server`;
  } else if (
    r.outcome === 'timeout' &&
    noSuchPod(c, r.dst) &&
    (o.maxTime === null || o.maxTime * 1000 > ARP_FAILURE_MS)
  ) {
    code = 7;
    msg = `curl: (7) Failed to connect to ${hp.host} port ${hp.port} after ${ARP_FAILURE_MS + Math.max(0, ms - 1000)} ms: Could not connect to server`;
  } else if (r.outcome === 'timeout') {
    code = 28;
    msg =
      o.maxTime !== null
        ? `curl: (28) Connection timed out after ${Math.round(o.maxTime * 1000) + 1} milliseconds`
        : `curl: (28) Failed to connect to ${hp.host} port ${hp.port} after ${KERNEL_CONNECT_TIMEOUT_MS + Math.max(0, ms - 1000)} ms: Could not connect to server`;
  } else {
    code = 56;
    msg = 'curl: (56) Recv failure: Connection reset by peer';
  }
  return { stdout: writeOut('000'), stderr: progress(0) + (quietErrors ? '' : `${msg}\n`), code };
}
