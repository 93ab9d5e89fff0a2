/**
 * A small JSON schema for completion and hover in the editor. The engine's own validation (with the
 * API server's wording) is what counts; this only helps people type.
 */
import type { JSONSchema } from 'monaco-yaml';

const metadata: JSONSchema = {
  type: 'object',
  description: 'Standard object metadata.',
  properties: {
    name: { type: 'string', description: 'Name, unique within the namespace.' },
    namespace: { type: 'string', description: 'Defaults to `default`.' },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
  },
};

export const k8sSchema: JSONSchema = {
  type: 'object',
  required: ['apiVersion', 'kind'],
  properties: {
    apiVersion: {
      type: 'string',
      description: 'The API group/version: v1, apps/v1, networking.k8s.io/v1, kind.x-k8s.io/v1alpha4.',
    },
    kind: {
      type: 'string',
      description: 'The kind of object.',
      enum: [
        'Cluster',
        'Namespace',
        'Node',
        'Pod',
        'ReplicationController',
        'ReplicaSet',
        'Deployment',
        'DaemonSet',
        'Service',
        'Endpoints',
        'Ingress',
        'IngressClass',
        'List',
      ],
    },
    metadata,
    spec: {
      type: 'object',
      properties: {
        replicas: { type: 'integer', minimum: 0, description: 'How many pods the controller keeps running.' },
        type: {
          type: 'string',
          enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
          description: 'Service type; ClusterIP by default.',
        },
        sessionAffinity: { type: 'string', enum: ['None', 'ClientIP'] },
        externalTrafficPolicy: { type: 'string', enum: ['Cluster', 'Local'] },
        internalTrafficPolicy: { type: 'string', enum: ['Cluster', 'Local'] },
        ingressClassName: { type: 'string' },
      },
    },
  },
};
