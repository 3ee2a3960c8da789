// The build's lesson compiler: what it hands the page, and how it names what is wrong.
import { describe, expect, it } from 'vitest';
import { bundleLessons } from './bundle';

const scenario =
  'metadata:\n  name: demo\n  title: {en: Demo, es: Demostración}\nmanifests: |\n  a: 1\n';
const lesson = (id: string) =>
  [
    `id: ${id}`,
    'level: beginner',
    'minutes: 5',
    'title: {en: T, es: T}',
    'summary: {en: S, es: S}',
    'learn: {en: [x], es: [x]}',
    'steps:',
    '  - id: one',
    '    text: {en: a, es: b}',
    '    hints: {en: [h], es: [h]}',
    '    goals: [{type: requestsOk}]',
    '    solution: []',
  ].join('\n');

describe('bundleLessons', () => {
  it('compiles cards, lessons and what each scenario shows, in catalog order', () => {
    const b = bundleLessons('lessons: [b, a]\n', {
      'a/lesson.yaml': lesson('a'),
      'a/scenario.yaml': scenario,
      'b/lesson.yaml': lesson('b'),
      'b/scenario.yaml': scenario,
      'b/other.yaml': 'metadata: {name: other}\n',
    });
    if (!b.ok) throw new Error(b.errors.join('\n'));
    expect(b.cards.map((c) => c.id)).toEqual(['b', 'a']);
    expect(b.cards[0]).toMatchObject({ level: 'beginner', minutes: 5, steps: 1 });
    const [first] = b.lessons;
    expect(first?.scenario).toBe(scenario);
    expect(Object.keys(first?.files ?? {}).sort()).toEqual(['other.yaml', 'scenario.yaml']);
    expect(first?.infos['scenario.yaml']).toEqual({
      name: 'demo',
      title: { en: 'Demo', es: 'Demostración' },
      manifests: 'a: 1\n',
    });
    expect(first?.infos['other.yaml']).toEqual({ name: 'other', title: {}, manifests: '' });
  });

  it('names every problem with the lesson it is in', () => {
    const b = bundleLessons('lessons: [a, a, missing, 7, wrong]\n', {
      'a/lesson.yaml': lesson('a'),
      'a/scenario.yaml': scenario,
      'wrong/lesson.yaml': lesson('other-id'),
      'wrong/scenario.yaml': scenario,
    });
    expect(b.ok).toBe(false);
    if (b.ok) return;
    expect(b.errors).toEqual([
      'catalog.yaml: lesson "a" is listed twice',
      'missing: no lesson.yaml in src/lessons/missing/',
      'catalog.yaml: every entry must be a lesson id, not 7',
      'wrong/lesson.yaml: id is "other-id", not "wrong"',
    ]);
    expect(bundleLessons('lessons: [', {})).toMatchObject({ ok: false });
    expect(bundleLessons('nothing: here\n', {})).toEqual({
      ok: false,
      errors: ['catalog.yaml: lessons must list at least one lesson id'],
    });
  });
});
