/**
 * fast-check generators for SharedScenario, written from the Action type by hand (not from
 * actionSchema.ts) so that a mistake in the schema table shows up as a failed round trip.
 */
import fc from 'fast-check';
import type { Action, ObjectKindName, WorkloadKind } from '../../engine/index.ts';
import type { SharedScenario, SharedView } from '../types.ts';

const kinds: ObjectKindName[] = [
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'DaemonSet',
  'Service',
  'Endpoints',
  'Ingress',
  'IngressClass',
  'Namespace',
  'Node',
];
const workloadKinds: WorkloadKind[] = ['ReplicationController', 'ReplicaSet', 'Deployment', 'DaemonSet'];

/** Any text, NUL and astral characters included; lone surrogates excluded (UTF-8 cannot hold them). */
const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const anyText = fc.oneof(
  text,
  fc.constantFrom('', '\0', 'a\0b', '\uFEFFkind: Pod', '<script>alert(1)</script>'),
);
const namespace = fc.oneof(fc.constant('default'), fc.constant(''), text);
/** Record keys: anything but the keys restore refuses on purpose. */
const key = text.filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));
const record = fc.dictionary(key, text, { maxKeys: 4 });
/** Finite numbers; -0 is written as 0 by JSON, so it is left out. */
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0));

export const actionArbitrary: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ type: fc.constant('apply' as const), yaml: anyText }),
  fc.record(
    {
      type: fc.constant('delete' as const),
      kind: fc.constantFrom(...kinds),
      namespace,
      name: text,
      gracePeriodSeconds: fc.nat({ max: 3600 }),
    },
    { requiredKeys: ['type', 'kind', 'namespace', 'name'] },
  ),
  fc.record({
    type: fc.constant('scale' as const),
    kind: fc.constantFrom(...workloadKinds),
    namespace,
    name: text,
    replicas: fc.integer({ min: 0, max: 2147483647 }),
  }),
  fc.record({ type: fc.constant('node' as const), name: text, up: fc.boolean() }),
  fc.record({ type: fc.constant('podReady' as const), namespace, name: text, ready: fc.boolean() }),
  fc.record({
    type: fc.constant('podFile' as const),
    namespace,
    name: text,
    path: text,
    present: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('hosts' as const),
    client: text,
    ip: text,
    hostnames: fc.array(text, { maxLength: 3 }),
  }),
  fc.record({ type: fc.constant('client' as const), name: text }),
  fc.record({
    type: fc.constantFrom('label' as const, 'annotate' as const),
    kind: fc.constantFrom(...kinds),
    namespace,
    name: text,
    set: record,
    remove: fc.array(text, { maxLength: 3 }),
  }),
  fc.record({ type: fc.constant('wait' as const), seconds: finite.map(Math.abs) }),
);

/** Never empty: an empty view or layout is the default, and defaults are left out of links. */
const viewArbitrary: fc.Arbitrary<SharedView> = fc
  .record(
    {
      camera: fc.record({ x: finite, y: finite, zoom: fc.double({ min: 0.01, max: 10, noNaN: true }) }),
      selected: text,
      request: fc.record({ from: text, url: text }),
      embed: fc.boolean(),
    },
    { requiredKeys: [] },
  )
  .filter((view) => Object.keys(view).length > 0);

export const scenarioArbitrary: fc.Arbitrary<SharedScenario> = fc
  .record(
    {
      yaml: anyText,
      seed: fc.oneof(
        fc.constant(1),
        fc.integer(),
        fc.maxSafeInteger(),
        fc.integer({ min: Number.MIN_SAFE_INTEGER, max: 0 }),
      ),
      actions: fc.array(actionArbitrary, { maxLength: 6 }),
      layout: fc.dictionary(key, fc.record({ x: finite, y: finite }), { minKeys: 1, maxKeys: 4 }),
      lesson: fc.record({ id: text, step: fc.nat() }),
      view: viewArbitrary,
    },
    { requiredKeys: ['yaml', 'seed', 'actions'] },
  )
  .map((s) => s as SharedScenario);
