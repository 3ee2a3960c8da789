// Reading a parsed lesson: texts in a language and the scenario a step runs in. Free of the YAML
// parser, so the page's first chunk can use it (src/lessons/format.ts parses lesson files).
import type { Lesson, LessonLang, LessonText, LessonTextList } from '../engine/index';

/** The text in `lang`, else English. */
export function localized(t: LessonText, lang: LessonLang): string {
  return t[lang] ?? t.en ?? '';
}

/** The list in `lang`, else English. */
export function localizedList(t: LessonTextList, lang: LessonLang): string[] {
  return t[lang] ?? t.en ?? [];
}

/** The scenario a step runs in: the nearest earlier step (or itself) that opens one, else the lesson's. */
export function scenarioOfStep(lesson: Lesson, index: number): { file: string; from: number } {
  for (let i = Math.min(index, lesson.steps.length - 1); i >= 0; i--) {
    const f = lesson.steps[i]?.scenario;
    if (f !== undefined) return { file: f, from: i };
  }
  return { file: lesson.scenario, from: 0 };
}
