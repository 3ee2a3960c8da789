// Sends typed TypeScript callbacks to the page. Owns the one way bench code runs code in the page;
// it must never add globals to the page being measured.
//
// Why not hand Playwright the function itself: the benches run under tsx, which compiles with
// esbuild's `keepNames` (always on, no option to turn it off: privatenumber/tsx#113). keepNames
// rewrites every named function inside a callback as `__name(fn, "fn")` and defines `__name` once
// at the top of the Node module. Playwright ships only the callback's source text to the page,
// where `__name` does not exist, so `page.evaluate(() => { const tick = () => …; … })` throws
// "ReferenceError: __name is not defined" (esbuild does not support Function#toString round trips:
// evanw/esbuild#1438).
//
// The fix here: wrap the source in a closure with a local no-op `__name`, and send it as an
// expression. Callbacks stay typed, may use named helpers, and work in any document. Rejected: a
// global `window.__name` shim (an init script in every context, missing pages made with
// setContent, and a global on the measured page); source strings (no type checking); a separate
// esbuild step without keepNames (a compile step and an esbuild dependency of our own). Waiting
// is done by polling inside that expression rather than with page.waitForFunction, which evals
// source text in the page and so is refused by the app's CSP (no 'unsafe-eval').
// eslint.config.js forbids passing a function literal to page.evaluate & co. in bench/.
import type { Page } from '@playwright/test';

/**
 * The expression `fn(arg)` as page-side source: `fn`'s compiled text inside a closure that defines
 * the `__name` helper tsx's output calls. `arg` goes through JSON, so it must be plain data; `fn`
 * must not use anything from the Node module around it (as for any Playwright page function).
 */
export function pageScript<A>(fn: (arg: A) => unknown, arg: A): string {
  const argText = arg === undefined ? '' : JSON.stringify(arg);
  return `(() => {
  const __name = (target) => target;
  return (${fn.toString()})(${argText});
})()`;
}

/** `page.evaluate(fn, arg)` through {@link pageScript}: resolves to what `fn` returns (awaited). */
export async function evaluate<A, R>(
  page: Page,
  fn: (arg: A) => R | Promise<R>,
  arg: A,
): Promise<R> {
  return (await page.evaluate(pageScript(fn, arg))) as R;
}

/**
 * Waits until `fn(arg)` is truthy in the page, trying once per frame, or rejects after `timeout`
 * ms. Not `page.waitForFunction`: given source text, it evaluates it with `eval` in the page, which
 * the app's Content-Security-Policy (no 'unsafe-eval') refuses; `page.evaluate` of an expression
 * goes through the DevTools protocol, which CSP does not govern.
 */
export async function waitInPage<A>(
  page: Page,
  fn: (arg: A) => unknown,
  arg: A,
  timeout: number,
): Promise<void> {
  const poll = `new Promise((resolve, reject) => {
  const predicate = () => ${pageScript(fn, arg)};
  const timer = setTimeout(() => reject(new Error('waitInPage: still false after ${timeout} ms')), ${timeout});
  const next = () => {
    if (predicate()) {
      clearTimeout(timer);
      resolve(true);
    } else requestAnimationFrame(next);
  };
  next();
})`;
  await page.evaluate(poll);
}

/** `page.addInitScript(fn, arg)` through {@link pageScript}: runs before the page's own scripts. */
export async function addInitScript<A>(page: Page, fn: (arg: A) => unknown, arg: A): Promise<void> {
  await page.addInitScript(pageScript(fn, arg));
}
