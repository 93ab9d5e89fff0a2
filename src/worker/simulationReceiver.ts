/**
 * The page's end of the simulation's delta encoding: the Worker sends each simulation as a delta
 * against the one it sent before (structuralDelta.ts), leaving out the files when they are the text
 * the page sent. This end keeps the last one decoded, which the next delta builds on, and forgets it
 * when a new Worker starts (whose first delta is against nothing).
 */
import type { Simulation } from '../engine/index.ts';
import type { EngineReplyMessage, EngineRequestMessage } from './engineApi.ts';
import { decodeDelta } from './structuralDelta.ts';

type SimulateReplyMessage = Extract<EngineReplyMessage, { op: 'simulate' }>;

export interface SimulationReceiver {
  /**
   * Puts the whole simulation back into a reply that carries a delta. Every delta is decoded, even
   * one whose reply is superseded: the Worker's next delta builds on it.
   */
  receive(message: SimulateReplyMessage, sent: EngineRequestMessage | undefined): void;
  /** A new Worker was started. */
  reset(): void;
}

export function createSimulationReceiver(): SimulationReceiver {
  let lastReceived: Simulation | undefined;
  return {
    receive(message, sent) {
      if (!message.simDelta) return;
      lastReceived = decodeDelta(message.simDelta, lastReceived) as Simulation;
      const files = message.filesFromInput && sent?.op === 'simulate' ? sent.input.files : undefined;
      message.reply.sim = files ? { ...lastReceived, files } : lastReceived;
    },
    reset() {
      lastReceived = undefined;
    },
  };
}
