/**
 * Generation counting for simulate calls: each call takes a new number, and a reply is applied only
 * when no later call has been made since (an edit typed while the engine was busy wins).
 */
export interface GenerationCounter {
  next(): number;
  isLatest(generation: number): boolean;
}

export function createGenerationCounter(): GenerationCounter {
  let latest = 0;
  return {
    next: () => ++latest,
    isLatest: (generation) => generation === latest,
  };
}
