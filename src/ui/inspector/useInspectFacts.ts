/** Asks the engine (in its Worker) for the facts about the selected object, again after every rebuild. */
import { useEffect, useState } from 'react';
import { useApp, useSimulation } from '../../store/react.ts';
import type { InspectFacts } from '../../worker/engineApi.ts';

export function useInspectFacts(id: string): InspectFacts | null {
  const app = useApp();
  const revision = useSimulation((s) => s.revision);
  const [answer, setAnswer] = useState<{ id: string; revision: number; facts: InspectFacts } | null>(null);
  useEffect(() => {
    let live = true;
    void app.inspect(id).then((facts) => {
      if (live) setAnswer({ id, revision, facts });
    });
    return () => {
      live = false;
    };
  }, [app, id, revision]);
  return answer && answer.id === id ? answer.facts : null;
}
