/**
 * The request bar keeps the URL as typed across edits; this says when it no longer names anything the
 * chosen source can resolve. The engine answers (in its Worker, against the cluster on screen), so the
 * page carries no resolver of its own.
 */
import { useEffect, useState } from 'react';
import type { ClusterState } from '../../engine/index.ts';
import { useApp } from '../../store/react.ts';

export function useUnresolvedHost(
  state: ClusterState | undefined,
  from: string,
  url: string,
): string | undefined {
  const app = useApp();
  const [answer, setAnswer] = useState<{ key: string; host: string | null } | null>(null);
  const key = `${from} ${url}`;
  useEffect(() => {
    if (!state) return;
    let current = true;
    void app.unresolvedHost(from, url).then((host) => {
      if (current) setAnswer({ key, host });
    });
    return () => {
      current = false;
    };
  }, [app, state, from, url, key]);
  // An answer about what was typed before (the field changed since) says nothing about what is there now.
  return answer && answer.key === key && answer.host !== null ? answer.host : undefined;
}
