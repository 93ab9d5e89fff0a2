// index.html's first script: start the engine's Worker before the main script (src/earlyEngine.ts).
import { startEngineWorkerEarly } from './earlyEngine.ts';

startEngineWorkerEarly();
