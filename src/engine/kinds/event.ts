/** The Event kind: what `kubectl get events` and `describe` show of the simulation's history. */
import type { KindModule } from './kindModule.ts';
import { eventSource } from '../cluster/eventSource.ts';
import { formatTimestamp, metadataOf, sortKeys, uidOf } from '../shell/kubectl/apiObjects.ts';
import type { JsonObject } from '../shell/kubectl/apiObjects.ts';

export const eventKind: KindModule<'Event'> = {
  kind: 'Event',
  scope: 'Namespaced',
  resource: { plural: 'events', singular: 'event', shortNames: ['ev'], group: '', version: 'v1' },
  list(state) {
    const kind = 'Event' as const;
    return state.events.map((event, i) => ({
      kind,
      event,
      namespace: event.namespace,
      name: `${event.object.slice(event.object.indexOf('/') + 1)}.${(0x17a0000000000000 + i * 0x1000).toString(16).slice(0, 16)}`,
      labels: {},
      annotations: {},
      createdAt: event.time,
    }));
  },
  headers() {
    return ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  },
  row(obj, _state, _wide, age) {
    const e = obj.event;
    const slash = e.object.indexOf('/');
    const object = `${e.object.slice(0, slash).toLowerCase()}${e.object.slice(slash)}`;
    return [age, e.type, e.reason, object, e.message];
  },
  toApiObject(obj, _state, { head, key }) {
    const e = obj.event;
    const slash = e.object.indexOf('/');
    return sortKeys({
      ...head,
      metadata: metadataOf(obj, uidOf(key)),
      involvedObject: {
        kind: e.object.slice(0, slash),
        name: e.object.slice(slash + 1),
        namespace: e.namespace,
      },
      reason: e.reason,
      message: e.message,
      type: e.type,
      count: 1,
      firstTimestamp: formatTimestamp(e.time),
      lastTimestamp: formatTimestamp(e.time),
      source: { component: eventSource(e.reason, e.object) },
    }) as JsonObject;
  },
};
