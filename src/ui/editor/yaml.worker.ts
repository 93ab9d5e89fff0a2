// The monaco-yaml language worker (monaco-yaml README's Vite recipe; STACK.md §2).
import 'monaco-yaml/yaml.worker.js';
