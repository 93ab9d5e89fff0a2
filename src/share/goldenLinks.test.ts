/**
 * Links as they were published: they must keep decoding to the same scenario in every later
 * version (a format change that breaks one of these breaks links in the wild). Only decoding is
 * pinned: a newer deflate may write different (equally valid) bytes for the same scenario.
 */
import { describe, it, expect } from 'vitest';
import { decodeScenario } from './index.ts';
import type { SharedScenario } from './index.ts';

const scenario: SharedScenario = {
  yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: kubia\nspec:\n  ports:\n  - port: 80\n    targetPort: 8080\n  selector:\n    app: kubia\n',
  seed: 42,
  actions: [
    { type: 'scale', kind: 'ReplicationController', namespace: 'default', name: 'kubia', replicas: 5 },
    { type: 'apply', yaml: 'kind: Namespace\napiVersion: v1\nmetadata:\n  name: demo\n' },
    {
      type: 'label',
      kind: 'Pod',
      namespace: 'demo',
      name: 'kubia-x7k2p',
      set: { app: 'kubia' },
      remove: ['tier'],
    },
  ],
  layout: { 'svc/default/kubia': { x: 120, y: -40.5 } },
  lesson: { id: 'services', step: 2 },
  view: {
    camera: { x: 0, y: 0, zoom: 1.5 },
    selected: 'svc/default/kubia',
    request: { from: 'client/laptop', url: 'http://kubia.example.com/' },
    embed: true,
  },
};

const PUBLISHED = {
  z1: 'z1.7FmjTjeM8HUXOFuKBG6Yx3ZzT24-FwN4_NsE_wA4iDbBMq1RYZ5tBBxnx5jbUALdCwUaYwdZAZoggcxvYBv4B87y6OiaGOiZwof_oTEFdIgRxgwAUBlkDgDTKPKnAAA',
  lz: 'lz.N4IgnghgtgNiBcIIAcCWA1ApgJwM6oHsA7eAAgDcBGAHSIGtUiATMgZR3NQGNNapMALhCYQh8WqVJFomMnQCuAI1QRauZJi7iik5AWwDc2yQFpSeg2QAcABgmTSQ7AHNBABX0DrN2-dyYYTQF9YwcUZDklFVoQABoQf0wmBAAWACZ4iC4BQiJcBABtUAEwDQQErghAuJAGZnKAJUxkGG5RXIBhYgFsAhhA7BrpfnUszHKmTAAzCHkYASGZcoVlCBrsZtbK-PgAVgBfWOLS8cRwmDAayFhlxhZSADkZUZ5aFAwcfGIyKj5BYVEEFCw1kpEmUAIMUOxzKiBgEEUARqdWSiA8yXiIJepxA4IIi34yyiEBMAA8AOx0NLIGr+BbwUDhImrECHEAbCHkU4FEA5HAgAC6+wF8XhYAI8npoFw5C4AHpJjM5gI5SsVAhQKSEJQ0jZ4pd4CYUjYAHQHNmBXC4YgakCoVEJDjcTD5eK4ATNBBpNmcTAAd1tlX42DWDJAWvgevACCjAC8CAQoNqzWz-IFsklyjL5YrZvNVcT1pgAI7yF1SkBTXpJxBcVqYIgq+HIYI0+LybBwRAACwEAgicoLqxNmFJ0BamBNXETctZ8UwUERqJ6Zf2+yAA',
};

describe('published links keep decoding', () => {
  it.each(Object.entries(PUBLISHED))('%s', (_format, link) => {
    expect(decodeScenario(link)).toEqual({ ok: true, scenario });
  });
});
