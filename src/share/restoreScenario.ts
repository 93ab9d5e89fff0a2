/**
 * The one gate every shared scenario passes through, whatever format it came in (z1 link, lz link, a
 * pasted JSON file): untrusted data in, a fresh, fully typed SharedScenario or a located error out.
 * Never throws. Unknown fields are dropped; wrong types, unsafe keys and oversized lists are errors
 * (Excalidraw's restore: normalise what can be, refuse what cannot).
 */
import type { GraphId } from '../engine/index.ts';
import { MAX_ACTIONS, MAX_LAYOUT_ENTRIES, MAX_LESSON_CHARS } from './limits.ts';
import { restoreAction } from './restoreAction.ts';
import {
  RestoreFailure,
  fail,
  keyPath,
  readArray,
  readBoolean,
  readFinite,
  readObject,
  readSafeInteger,
  readString,
} from './restoreValue.ts';
import { DEFAULT_SEED } from './types.ts';
import type { DecodeResult, SharedLesson, SharedPoint, SharedScenario, SharedView } from './types.ts';

export function restoreScenario(untrusted: unknown): DecodeResult {
  try {
    return { ok: true, scenario: restoreScenarioOrThrow(untrusted) };
  } catch (error) {
    if (error instanceof RestoreFailure) return { ok: false, error: error.shareError };
    // A bug here must not take the app down with it: report it as an invalid link.
    return {
      ok: false,
      error: { code: 'invalid', message: `could not read the scenario: ${String(error)}` },
    };
  }
}

function restoreScenarioOrThrow(untrusted: unknown): SharedScenario {
  const source = readObject(untrusted, 'scenario');
  const scenario: SharedScenario = {
    yaml: readString(source.yaml, 'yaml'),
    seed:
      source.seed === undefined
        ? DEFAULT_SEED
        : readSafeInteger(source.seed, 'seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    actions:
      source.actions === undefined
        ? []
        : readArray(source.actions, 'actions', MAX_ACTIONS).map((a, i) => restoreAction(a, `actions[${i}]`)),
  };
  if (source.layout !== undefined) scenario.layout = restoreLayout(source.layout);
  if (source.lesson !== undefined) scenario.lesson = restoreLesson(source.lesson);
  if (source.view !== undefined) scenario.view = restoreView(source.view);
  return scenario;
}

function restorePoint(value: unknown, path: string): SharedPoint {
  const source = readObject(value, path);
  return { x: readFinite(source.x, `${path}.x`), y: readFinite(source.y, `${path}.y`) };
}

function restoreLayout(value: unknown): Record<GraphId, SharedPoint> {
  const source = readObject(value, 'layout');
  const entries = Object.entries(source);
  if (entries.length > MAX_LAYOUT_ENTRIES) fail('layout', `at most ${MAX_LAYOUT_ENTRIES} positions`);
  const layout: Record<GraphId, SharedPoint> = {};
  for (const [id, point] of entries) layout[id] = restorePoint(point, keyPath('layout', id));
  return layout;
}

function readLessonSource(value: unknown): string {
  const text = readString(value, 'lesson.source');
  if (text.length > MAX_LESSON_CHARS) fail('lesson.source', `at most ${MAX_LESSON_CHARS} characters`);
  return text;
}

function restoreLesson(value: unknown): SharedLesson {
  const source = readObject(value, 'lesson');
  return {
    id: readString(source.id, 'lesson.id'),
    step: readSafeInteger(source.step, 'lesson.step', 0, Number.MAX_SAFE_INTEGER),
    ...(source.source !== undefined ? { source: readLessonSource(source.source) } : {}),
  };
}

function restoreView(value: unknown): SharedView {
  const source = readObject(value, 'view');
  const view: SharedView = {};
  if (source.camera !== undefined) {
    const camera = readObject(source.camera, 'view.camera');
    const zoom = readFinite(camera.zoom, 'view.camera.zoom');
    if (zoom <= 0) fail('view.camera.zoom', 'a zoom above 0');
    view.camera = {
      x: readFinite(camera.x, 'view.camera.x'),
      y: readFinite(camera.y, 'view.camera.y'),
      zoom,
    };
  }
  if (source.selected !== undefined) view.selected = readString(source.selected, 'view.selected');
  if (source.request !== undefined) {
    const request = readObject(source.request, 'view.request');
    view.request = {
      from: readString(request.from, 'view.request.from'),
      url: readString(request.url, 'view.request.url'),
    };
  }
  if (source.embed !== undefined) view.embed = readBoolean(source.embed, 'view.embed');
  // A level this build does not know (a newer kubeplay's) is dropped, not refused: the link still
  // opens, in the viewer's own level.
  if (source.narration === 'plain' || source.narration === 'details') view.narration = source.narration;
  return view;
}
