// Spanish everywhere: with ?lang=es (or a Spanish browser) no English UI string is left on screen
// — visible text, accessible names, titles, placeholders, alt texts — in the main view, the pod
// details, every dialog, a bad-link alert and the embedded app. Kubernetes' own words (event
// messages, kubectl output, YAML) stay in English by design and are not checked.
import { expect, test, type Page } from '@playwright/test';
import { en } from '../src/app/i18n/en';
import { es } from '../src/app/i18n/es';
import { openApp } from './fixtures';

/** A UI string as a whole-string pattern, placeholders matching anything. */
const pattern = (text: string) =>
  new RegExp(
    `^${text
      .split(/\{\w+\}/)
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+?')}$`,
    's',
  );

/** Patterns with too little fixed text (`{seconds} s`, `Service {name}`) match too much to judge. */
const specific = (text: string) =>
  text.replace(/\{\w+\}/g, '').replace(/[^\p{L}]/gu, '').length >= 8;

/** Every English UI string that has a different Spanish text. */
const englishOnly: { key: string; re: RegExp }[] = Object.entries(en)
  .filter(([key, text]) => es[key as keyof typeof es] !== text && specific(text))
  .map(([key, text]) => ({ key, re: pattern(text) }));

/** Every Spanish UI string: a text one of them matches is Spanish (a placeholder may hold English). */
const spanishPatterns: RegExp[] = Object.values(es).filter(specific).map(pattern);

/** Texts and accessible strings on the page, outside Kubernetes' own output and the editor. */
async function uiStrings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const skip =
      '[role=log], .monaco-editor, .monaco-aria-container, textarea, pre, code, script, style';
    const out = new Set<string>();
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(skip)) continue;
      const text = norm(n.textContent ?? '');
      if (text) out.add(text);
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest(skip)) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription']) {
        const v = el.getAttribute(attr);
        if (v && norm(v)) out.add(norm(v));
      }
    }
    return [...out];
  });
}

/** Texts that are also a Spanish UI string (e.g. Kubernetes' "Ready", kept in every language). */
const spanish = new Set<string>(Object.values(es));

/** One token such as `backend-7c9f8d6b5d-x2x7q` or `2. the-service-survives`: a name, not text. */
const IDENTIFIER = /^(\d+\.\s*)?[\w.:/@-]+$/;

/** Words that only an English sentence has: catches English written outside the dictionaries. */
const ENGLISH_WORDS =
  /\b(the|and|is|are|of|your|this|with|from|been|will|here|there|when|which|you|then|press|select|remove|cancel)\b/i;

/**
 * English UI strings found on the page: values of en.ts (with their keys), and any other text that
 * reads as English (hard-coded in a component).
 */
async function untranslated(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const s of await uiStrings(page)) {
    // A Spanish string, or a name (a pod, a lesson step's id) rather than text.
    if (spanish.has(s) || IDENTIFIER.test(s)) continue;
    if (spanishPatterns.some((re) => re.test(s))) continue;
    const key = englishOnly.find(({ re }) => re.test(s))?.key;
    if (key) found.push(`${key}: ${s}`);
    else if (ENGLISH_WORDS.test(s)) found.push(`(not in en.ts): ${s}`);
  }
  return found;
}

test('?lang=es: no English UI string in the app, the pod details, the dialogs or an alert', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openApp(page, '?lang=es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('button', { name: 'Compartir' })).toBeVisible();
  await expect(page.getByText('Los mensajes de los eventos son los de Kubernetes')).toBeVisible();
  expect(await untranslated(page)).toEqual([]);

  // Pod details.
  await page.locator('[data-testid=pod][data-name^="backend-"]').first().click();
  await expect(page.getByRole('button', { name: 'Borrar pod' })).toBeVisible();
  expect(await untranslated(page)).toEqual([]);

  // Each dialog.
  const dialogs: [string, string][] = [
    ['Compartir', 'Compartir este clúster'],
    ['Insertar', 'Insertar en una página web'],
    ['Escenarios', 'Tus escenarios'],
  ];
  for (const [button, title] of dialogs) {
    await page.getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible();
    // Let it finish preparing (the link, the QR code).
    await expect(dialog.getByRole('status').filter({ hasText: 'Preparando' })).toHaveCount(0);
    expect(await untranslated(page), title).toEqual([]);
    await dialog.getByRole('button', { name: 'Cerrar' }).click();
  }

  // A saved scenario in the list, with its date and buttons.
  await page.getByRole('button', { name: 'Escenarios', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Tus escenarios' });
  await dialog.getByRole('button', { name: 'Guardar', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Guardado como');
  await expect(dialog.getByText(/^guardado el /)).toBeVisible();
  expect(await untranslated(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Cerrar' }).click();

  // A bad link's alert.
  await page.goto('./?lang=es#s=AQ');
  await expect(page.getByRole('alert').filter({ hasText: 'Este enlace' })).toContainText(
    'En su lugar se abre la lección predeterminada.',
  );
  await expect(page.locator('[data-testid=pod][data-status=Running]')).toHaveCount(6);
  expect(await untranslated(page)).toEqual([]);
});

test('?lang=es&embed=1: the embedded app is in Spanish too', async ({ page }) => {
  await openApp(page, '?lang=es&embed=1&editor=1');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('button', { name: 'Abrir en una pestaña nueva' })).toBeVisible();
  expect(await untranslated(page)).toEqual([]);
});

test.describe('a Spanish browser', () => {
  test.use({ locale: 'es-ES' });

  test('gets Spanish without ?lang; ?lang=en wins; the switcher sets <html lang>', async ({
    page,
  }) => {
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('button', { name: 'Compartir' })).toBeVisible();

    await openApp(page, '?lang=en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: 'Share' })).toBeVisible();

    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('button', { name: 'Compartir' })).toBeVisible();
    await expect(page).toHaveURL(/lang=es/);
  });
});
