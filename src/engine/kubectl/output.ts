// What a kubectl run writes: stdout, stderr and the exit code, plus kubectl's standard error
// shapes (usage errors, flag errors, NotFound). Owns wording of generic errors, nothing else.
import type { CommandResult } from '../commands/result';

/** Collects a command's output as it goes. */
export class Output {
  stdout = '';
  stderr = '';
  exitCode = 0;

  out(text: string): this {
    this.stdout += text;
    return this;
  }

  err(text: string): this {
    this.stderr += text;
    return this;
  }

  /** Writes an error line (kubectl adds `error: ` itself for client-side errors) and fails. */
  fail(text: string, code = 1): this {
    this.stderr += text.endsWith('\n') ? text : text + '\n';
    this.exitCode = code;
    return this;
  }

  result(): CommandResult {
    return { stdout: this.stdout, stderr: this.stderr, exitCode: this.exitCode };
  }
}

/** cmdutil.CheckErr of a plain error: `error: <msg>`, exit 1. */
export function errorResult(msg: string, code = 1): CommandResult {
  return new Output().fail(`error: ${msg}`, code).result();
}

/** cmdutil.UsageErrorf: `error: <msg>` + `See 'kubectl <cmd> -h' for help and examples`. */
export function usageError(cmdPath: string, msg: string): CommandResult {
  return new Output().fail(`error: ${msg}\nSee '${cmdPath} -h' for help and examples`).result();
}

/** A pflag parse error, as kubectl's flag error func prints it. */
export function flagError(cmdPath: string, msg: string): CommandResult {
  return new Output().fail(`error: ${msg}\nSee '${cmdPath} --help' for usage.`).result();
}

/** The API server's NotFound, as kubectl prints it. */
export function notFoundText(resource: string, name: string): string {
  return `Error from server (NotFound): ${resource} "${name}" not found`;
}

/** The API server's AlreadyExists, as kubectl prints it. */
export function alreadyExistsText(resource: string, name: string): string {
  return `Error from server (AlreadyExists): ${resource} "${name}" already exists`;
}
