/**
 * Monaco bundled locally (never the CDN), with the slim entry and only the editor and YAML workers.
 * Follows docs/decisions.md#toolchain: loader.config with the local module, MonacoEnvironment.getWorker, and the
 * createWebWorker shim monaco-yaml 5.5.1 needs with monaco-editor >= 0.55 (monaco-yaml #272/#282).
 */
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import * as monaco from 'monaco-editor/editor';
import { loader } from '@monaco-editor/react';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import YamlWorker from './yaml.worker.ts?worker';
import { validateWhenTypingPauses } from './bigFile.ts';
import { k8sSchema } from './k8sSchema.ts';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

let configured = false;

export function setUpMonaco(): typeof monaco {
  if (configured) return monaco;
  configured = true;
  window.MonacoEnvironment = {
    getWorker(_id, label) {
      return label === 'yaml' ? new YamlWorker() : new EditorWorker();
    },
  };
  loader.config({ monaco });
  const compat = (o: {
    createData?: unknown;
    host?: Record<string, (...a: unknown[]) => unknown>;
    keepIdleModels?: boolean;
  }) => {
    const worker = new YamlWorker();
    worker.postMessage('ignore');
    worker.postMessage(o.createData);
    const client = monaco.editor.createWebWorker<object>({
      worker,
      ...(o.host ? { host: o.host } : {}),
      keepIdleModels: o.keepIdleModels ?? false,
    });
    // A big file's schema check waits until typing pauses (bigFile.ts).
    const modelOf = (uri: string) => monaco.editor.getModel(monaco.Uri.parse(uri));
    return {
      dispose: () => client.dispose(),
      getProxy: () => client.getProxy(),
      withSyncedResources: async (resources: monaco.Uri[]) =>
        validateWhenTypingPauses(await client.withSyncedResources(resources), modelOf),
    };
  };
  configureMonacoYaml(
    { ...monaco, editor: { ...monaco.editor, createWebWorker: compat } } as unknown as typeof monaco,
    {
      enableSchemaRequest: false,
      isKubernetes: true,
      schemas: [{ fileMatch: ['**/*.yaml'], uri: 'file:///schemas/k8s.json', schema: k8sSchema }],
    },
  );
  return monaco;
}
