// The monaco-yaml language worker (monaco-yaml README's Vite recipe; docs/decisions.md#toolchain).
import 'monaco-yaml/yaml.worker.js';
