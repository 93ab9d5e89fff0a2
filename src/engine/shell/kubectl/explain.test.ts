/**
 * `kubectl explain` as kubectl 1.33 prints it against a 1.33 API server (plaintext template of
 * https://github.com/kubernetes/kubectl/blob/release-1.33/pkg/explain/v2/templates/plaintext.tmpl).
 */
import { describe, expect, it } from 'vitest';
import { runExplain } from './explain.ts';
import { parseFlags } from './flags.ts';
import { EXPLAIN_FLAGS, explainCompletions } from './explain.ts';
import { completeCommand } from '../completeCommand.ts';
import { createSimulation } from '../../index.ts';
import { createShellSession } from '../session.ts';

function explain(...argv: string[]): { stdout: string; stderr: string; exitCode: number } {
  const parsed = parseFlags(argv, EXPLAIN_FLAGS);
  if (!parsed.ok) throw new Error(parsed.error);
  return runExplain(parsed.parsed);
}

describe('kubectl explain', () => {
  it('service.spec.sessionAffinity: FIELD with its type, ENUM, then the description wrapped at 76', () => {
    expect(explain('service.spec.sessionAffinity').stdout).toBe(
      [
        'KIND:       Service',
        'VERSION:    v1',
        '',
        'FIELD: sessionAffinity <string>',
        'ENUM:',
        '    ClientIP',
        '    None',
        '',
        'DESCRIPTION:',
        '    Supports "ClientIP" and "None". Used to maintain session affinity. Enable',
        '    client IP based session affinity. Must be ClientIP or None. Defaults to',
        '    None. More info:',
        '    https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies',
        '    ',
        '    Possible enum values:',
        '     - `"ClientIP"` is the Client IP based.',
        '     - `"None"` - no session affinity.',
        '    ',
        '',
        '',
      ].join('\n'),
    );
  });

  it('service: the kind’s description, then each field with <type> and its description', () => {
    expect(explain('service').stdout).toBe(
      [
        'KIND:       Service',
        'VERSION:    v1',
        '',
        'DESCRIPTION:',
        '    Service is a named abstraction of software service (for example, mysql)',
        '    consisting of local port (for example 3306) that the proxy listens on, and',
        '    the selector that determines which pods will answer requests sent through',
        '    the proxy.',
        '    ',
        'FIELDS:',
        '  apiVersion\t<string>',
        '    APIVersion defines the versioned schema of this representation of an object.',
        '    Servers should convert recognized schemas to the latest internal value, and',
        '    may reject unrecognized values. More info:',
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
        '',
        '  kind\t<string>',
        '    Kind is a string value representing the REST resource this object',
        '    represents. Servers may infer this from the endpoint the client submits',
        '    requests to. Cannot be updated. In CamelCase. More info:',
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
        '',
        '  metadata\t<ObjectMeta>',
        "    Standard object's metadata. More info:",
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
        '',
        '  spec\t<ServiceSpec>',
        '    Spec defines the behavior of a service.',
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
        '',
        '  status\t<ServiceStatus>',
        '    Most recently observed status of the service. Populated by the system.',
        '    Read-only. More info:',
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
        '',
        '',
        '',
      ].join('\n'),
    );
  });

  it('svc.spec.ports: short name, a list of objects, -required- and short enums on its fields', () => {
    const out = explain('svc.spec.ports').stdout;
    expect(out).toContain('FIELD: ports <[]ServicePort>\n\n\nDESCRIPTION:\n');
    // the field's description, then that of the type it lists
    expect(out).toContain("    ServicePort contains information on service's port.\n    \nFIELDS:\n");
    expect(out).toContain('  port\t<integer> -required-\n');
    expect(out).toContain('  protocol\t<string>\n  enum: SCTP, TCP, UDP\n');
    expect(out).toContain('  targetPort\t<IntOrString>\n');
  });

  it('deployments.apps.spec: a group-qualified resource prints GROUP first', () => {
    const out = explain('deployments.apps.spec').stdout;
    expect(
      out.startsWith(
        'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: spec <DeploymentSpec>\n',
      ),
    ).toBe(true);
  });

  it('--recursive lists the fields of fields, without descriptions', () => {
    const out = explain('pods.spec.containers', '--recursive').stdout;
    expect(out).toContain(
      'FIELDS:\n  args\t<[]string>\n  command\t<[]string>\n  env\t<[]EnvVar>\n    name\t<string> -required-\n',
    );
    expect(out).toContain(
      '      configMapKeyRef\t<ConfigMapKeySelector>\n        key\t<string> -required-\n',
    );
  });

  it('errors: unknown field, unknown resource, no resource, two resources, another version', () => {
    expect(explain('service.spec.foo')).toEqual({
      stdout: '',
      stderr: 'error: field "foo" does not exist\n',
      exitCode: 1,
    });
    expect(explain('foo').stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(explain().stderr).toBe(
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
    expect(explain('pods', 'svc').stderr).toBe('error: We accept only this format: explain RESOURCE\n');
    expect(explain('deployments', '--api-version=apps/v1beta1').stderr).toBe(
      'error: couldn\'t find resource for "apps/v1beta1, Resource=deployments"\n',
    );
    expect(explain('deployments', '--api-version=apps/v1').exitCode).toBe(0);
  });

  it('tab completes resource names, then the fields under the path typed so far', () => {
    expect(explainCompletions('ser')).toEqual(['services']);
    expect(explainCompletions('svc.spec.sess')).toEqual([
      'svc.spec.sessionAffinity',
      'svc.spec.sessionAffinityConfig',
    ]);
    expect(explainCompletions('pods.spec.containers.po')).toEqual(['pods.spec.containers.ports']);
    expect(explainCompletions('svc.nothing.')).toEqual([]);
    const sim = createSimulation({ files: [], seed: 1 });
    const line = 'kubectl explain svc.spec.type';
    expect(completeCommand(sim, createShellSession({ files: {} }), line).candidates).toEqual([
      'svc.spec.type',
    ]);
  });
});
