// Lessons in the browser: lesson 1 completed through the UI, in English and in Spanish (delete the
// pod at the hard-coded IP on the canvas, kill another one, scale in the editor) with each step's
// goals turning done from the simulation's state; the gallery; deep links to a step; teacher mode.
import { expect, test, type Page } from '@playwright/test';
import { editorText, openApp, readPods, setEditorText } from './fixtures';

const TEXT = {
  en: {
    region: 'Lesson',
    delete: 'Delete pod',
    next: 'Continue',
    apply: 'Apply',
    done: 'Step done.',
    finished: 'You finished this lesson.',
    gallery: 'All lessons',
    teacher: 'Teacher mode',
  },
  es: {
    region: 'Lección',
    delete: 'Borrar pod',
    next: 'Continuar',
    apply: 'Aplicar',
    done: 'Paso completado.',
    finished: 'Has terminado esta lección.',
    gallery: 'Todas las lecciones',
    teacher: 'Modo docente',
  },
} as const;

async function deletePodAt(page: Page, selector: string, button: string): Promise<void> {
  const card = page.locator(selector).first();
  await card.click();
  // The selected pod's inspector offers it (DESIGN.md §5).
  await page.getByRole('button', { name: button, exact: true }).click();
}

async function expectStepDone(page: Page, region: string, goals: number, done: string) {
  const lesson = page.getByRole('region', { name: region, exact: true });
  await expect(lesson.locator('[data-testid=goal][data-met=true]')).toHaveCount(goals, {
    timeout: 30_000,
  });
  await expect(lesson.getByTestId('step-done')).toContainText(done);
}

for (const lang of ['en', 'es'] as const) {
  test(`lesson 1 through the UI, ${lang}: each step's goals turn done from the simulation`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const t = TEXT[lang];
    await openApp(page, `?test=1&speed=4&lang=${lang}`);
    const lesson = page.getByRole('region', { name: t.region, exact: true });
    await expect(lesson).toBeVisible();
    await expect(lesson.getByTestId('lesson-step')).toHaveAttribute('data-step', '1');
    await expect(lesson.locator('[data-testid=goal]')).toHaveCount(3);
    // Nothing is done by just looking: the goals wait for the cluster to change.
    await page.waitForTimeout(1500);
    await expect(lesson.locator('[data-testid=goal][data-met=true]')).toHaveCount(0);
    await expect(lesson.getByRole('button', { name: t.next })).toBeDisabled();

    // Step 1: delete the pod the legacy client hard-coded, on the canvas.
    await deletePodAt(page, '[data-testid=pod][data-ip="10.244.2.2"]', t.delete);
    await expectStepDone(page, t.region, 3, t.done);
    await lesson.getByRole('button', { name: t.next }).click();
    await expect(lesson.getByTestId('lesson-step')).toHaveAttribute('data-step', '2');

    // Step 2: kill any other backend pod; the frontend keeps getting answers.
    await expect(lesson.locator('[data-testid=goal][data-met=true]')).toHaveCount(2);
    await deletePodAt(
      page,
      '[data-testid=pod][data-name^="backend-"][data-status=Running]',
      t.delete,
    );
    await expectStepDone(page, t.region, 3, t.done);
    await lesson.getByRole('button', { name: t.next }).click();
    await expect(lesson.getByTestId('lesson-step')).toHaveAttribute('data-step', '3');

    // Step 3: scale to 5 in the editor and Apply.
    const original = await editorText(page);
    await setEditorText(page, original.replace('replicas: 3', 'replicas: 5'));
    await page.getByRole('button', { name: t.apply, exact: true }).click();
    await expectStepDone(page, t.region, 2, t.finished);
    expect((await readPods(page, 'backend')).length).toBeGreaterThanOrEqual(5);

    // Progress survives a reload: the steps are marked done.
    await page.reload();
    await expect(lesson.locator('.lesson__dot--done')).toHaveCount(3, { timeout: 20_000 });
  });
}

test('the gallery lists every lesson with its level, in Spanish too, and opens one', async ({
  page,
}) => {
  await openApp(page, '?lang=es');
  await page.getByRole('button', { name: TEXT.es.gallery }).click();
  const dialog = page.getByRole('dialog', { name: 'Lecciones' });
  await expect(dialog).toBeVisible();
  const cards = dialog.getByTestId('lesson-card');
  expect(await cards.count()).toBeGreaterThanOrEqual(12);
  await expect(cards.first()).toContainText('Inicial');
  await expect(dialog).toContainText('Aprenderás');
  await dialog.getByRole('link', { name: /Etiquetas y selectores/ }).click();
  await expect(page).toHaveURL(/lesson=labels-selectors/);
  await expect(page).toHaveURL(/lang=es/);
  const lesson = page.getByRole('region', { name: 'Lección', exact: true });
  await expect(lesson).toContainText('Etiquetas y selectores');
});

test('a deep link opens a later step on the cluster the earlier steps leave', async ({ page }) => {
  await page.goto('./?lesson=labels-selectors&step=3');
  const lesson = page.getByRole('region', { name: 'Lesson', exact: true });
  await expect(lesson.getByTestId('lesson-step')).toHaveAttribute('data-step', '3');
  // Step 2's fix (the selector) was replayed: the Service has its 3 endpoints again, so the
  // goal "3 ready endpoints" holds while the quarantine goal does not yet.
  await expect(lesson.locator('[data-testid=goal]').nth(2)).toHaveAttribute('data-met', 'true', {
    timeout: 30_000,
  });
  await expect(lesson.locator('[data-testid=goal]').first()).toHaveAttribute('data-met', 'false');
});

test('teacher mode shows the solution, runs it, and jumps between steps', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page, '?teacher=1&lesson=seed-services&speed=4');
  const lesson = page.getByRole('region', { name: 'Lesson', exact: true });
  await expect(lesson.getByRole('checkbox', { name: TEXT.en.teacher })).toBeChecked();
  await expect(lesson).toContainText('kubectl delete pod -l app=backend');
  await lesson.getByRole('button', { name: 'Run the whole solution' }).click();
  await expectStepDone(page, 'Lesson', 3, TEXT.en.done);
  // Any step is open to a teacher; step 3's own solution runs from its Run button.
  await lesson.getByRole('button', { name: '3. labels-bring-new-pods' }).click();
  await expect(lesson.getByTestId('lesson-step')).toHaveAttribute('data-step', '3');
  await lesson.getByRole('button', { name: /^Run: kubectl scale/ }).click();
  await expectStepDone(page, 'Lesson', 2, TEXT.en.finished);
  await expect(lesson.getByRole('link', { name: 'Link to this step' })).toHaveAttribute(
    'href',
    /lesson=seed-services&step=3/,
  );
  // "Make a lesson from this scenario" offers lesson.yaml with the command that was run.
  await lesson.getByRole('button', { name: 'Make a lesson from this scenario' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('lesson.yaml')).toHaveValue(/kubectl scale deployment backend/);
  await expect(dialog.getByRole('link', { name: 'Download scenario.yaml' })).toBeVisible();
});

test('a step with its own scenario opens that cluster: lesson 4 step 2 shows IPVS rules', async ({
  page,
}) => {
  await page.goto('./?lesson=kube-proxy-balancing&step=2');
  const lesson = page.getByRole('region', { name: 'Lesson', exact: true });
  await expect(lesson.getByTestId('lesson-step')).toHaveAttribute('data-step', '2');
  await expect(lesson.getByTestId('rules-totals')).toContainText('ipvs mode', { timeout: 20_000 });
  await expect(lesson.getByRole('region', { name: 'kube-proxy rules' })).toContainText(
    'IP Virtual Server',
  );
  await expect(lesson.locator('[data-testid=goal][data-met=true]')).toHaveCount(0);
});
