import { describe, expect, it } from 'vitest';
import { kubiaState } from '../testing/kubiaState.ts';
import { parseFlags } from './flags.ts';
import { GET_FLAGS, runGet } from './get.ts';
import { runDescribe } from './describe.ts';

function get(line: string, state = kubiaState()) {
  const parsed = parseFlags(line.split(' ').filter(Boolean), GET_FLAGS);
  if (!parsed.ok) throw new Error(parsed.error);
  return runGet(state, parsed.parsed, 'default');
}

describe('kubectl get', () => {
  it('prints pods as kubectl does', () => {
    expect(get('pods').stdout).toBe(
      [
        'NAME          READY   STATUS    RESTARTS   AGE',
        'kubia-65mtj   1/1     Running   0          27m',
        'kubia-lnc7f   1/1     Running   0          27m',
        'kubia-vmgln   1/1     Running   0          27m',
        '',
      ].join('\n'),
    );
  });

  it('prints services with cluster IPs and ports', () => {
    expect(get('svc').stdout).toBe(
      [
        'NAME         TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE',
        'kubernetes   ClusterIP   10.96.0.1      <none>        443/TCP   28m',
        'kubia        ClusterIP   10.96.123.45   <none>        80/TCP    7m',
        '',
      ].join('\n'),
    );
  });

  it('prints wide pods with IP and node', () => {
    const out = get('po -o wide').stdout.split('\n');
    expect(out[0]).toBe(
      'NAME          READY   STATUS    RESTARTS   AGE   IP           NODE           NOMINATED NODE   READINESS GATES',
    );
    expect(out[1]).toBe(
      'kubia-65mtj   1/1     Running   0          27m   10.244.1.2   kind-worker    <none>           <none>',
    );
  });

  it('prints endpoints and ingress', () => {
    expect(get('ep kubia').stdout).toBe(
      'NAME    ENDPOINTS                                         AGE\nkubia   10.244.1.2:8080,10.244.2.2:8080,10.244.1.3:8080   7m\n',
    );
    expect(get('ing').stdout).toBe(
      'NAME    CLASS   HOSTS               ADDRESS      PORTS   AGE\nkubia   nginx   kubia.example.com   172.18.0.3   80      5m20s\n',
    );
  });

  it('prefixes names with the kind when several kinds are asked for', () => {
    const out = get('svc,ep kubia').stdout;
    expect(out).toContain('service/kubia   ClusterIP');
    expect(out).toContain('\n\nNAME              ENDPOINTS');
    expect(out).toContain('endpoints/kubia');
  });

  it('reports missing objects and unknown types as the API server does', () => {
    expect(get('pods nope')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
    expect(get('foo').stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(get('pods -n other').stderr).toBe('No resources found in other namespace.\n');
  });

  it('filters by label and shows labels', () => {
    expect(get('pods -l app=other').stderr).toBe('No resources found in default namespace.\n');
    expect(get('pods -l app=kubia --show-labels').stdout.split('\n')[1]).toBe(
      'kubia-65mtj   1/1     Running   0          27m   app=kubia',
    );
  });

  it('adds label columns with -L', () => {
    expect(get('pods -L app,rel').stdout.split('\n').slice(0, 2)).toEqual([
      'NAME          READY   STATUS    RESTARTS   AGE   APP     REL',
      'kubia-65mtj   1/1     Running   0          27m   kubia   ',
    ]);
  });

  it('lists all namespaces with a NAMESPACE column', () => {
    const out = get('svc -A').stdout.split('\n');
    expect(out[0]?.startsWith('NAMESPACE     NAME         TYPE')).toBe(true);
    expect(out[3]).toContain('kube-system   kube-dns');
    expect(out[3]).toContain('53/UDP,53/TCP');
  });

  it('prints objects as the API server returns them', () => {
    const svc = JSON.parse(get('svc kubia -o json').stdout);
    expect(svc.apiVersion).toBe('v1');
    expect(svc.kind).toBe('Service');
    expect(svc.spec.clusterIP).toBe('10.96.123.45');
    expect(svc.spec.clusterIPs).toEqual(['10.96.123.45']);
    expect(svc.spec.ipFamilies).toEqual(['IPv4']);
    expect(svc.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    const pods = get('pods -o yaml').stdout;
    expect(pods.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n')).toBe(true);
    expect(pods).toContain('podIP: 10.244.1.2');
    // go-yaml quotes what YAML 1.1 would read as a timestamp
    expect(pods).toContain('    creationTimestamp: "2026-01-01T09:01:40Z"\n');
    expect(get('svc kubia -o jsonpath={.spec.clusterIP}').stdout).toBe('10.96.123.45');
    expect(get('pods -o name').stdout).toBe('pod/kubia-65mtj\npod/kubia-lnc7f\npod/kubia-vmgln\n');
  });

  it('prints jsonpath ranges and custom columns', () => {
    expect(get(`pods -o jsonpath={range.items[*]}{.metadata.name}{"\\n"}{end}`).stdout).toBe(
      'kubia-65mtj\nkubia-lnc7f\nkubia-vmgln\n',
    );
    expect(get('pods -o jsonpath={.items[*].status.podIP}').stdout).toBe('10.244.1.2 10.244.2.2 10.244.1.3');
    expect(
      get('pods -o custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName').stdout,
    ).toBe(
      'NAME          IP           NODE\nkubia-65mtj   10.244.1.2   kind-worker\nkubia-lnc7f   10.244.2.2   kind-worker2\nkubia-vmgln   10.244.1.3   kind-worker\n',
    );
  });

  it('sorts by a field with --sort-by', () => {
    expect(get('pods --sort-by=.status.podIP -o name').stdout).toBe(
      'pod/kubia-65mtj\npod/kubia-vmgln\npod/kubia-lnc7f\n',
    );
  });

  it('prints nodes and replication controllers', () => {
    expect(get('nodes').stdout.split('\n')[1]).toBe(
      'kind-control-plane   Ready    control-plane   28m   v1.33.1',
    );
    expect(get('rc').stdout).toBe(
      'NAME    DESIRED   CURRENT   READY   AGE\nkubia   3         3         3       27m\n',
    );
  });
});

describe('kubectl get endpointslices', () => {
  it('lists one slice per Service with its ports and addresses', () => {
    const out = get('endpointslices').stdout.split('\n');
    expect(out[0]).toBe('NAME          ADDRESSTYPE   PORTS   ENDPOINTS                          AGE');
    expect(out[1]).toMatch(
      /^kubia-[bcdfghjklmnpqrstvwxz2456789]{5} {3}IPv4 {10}8080 {4}10\.244\.1\.2,10\.244\.2\.2,10\.244\.1\.3 {3}7m$/,
    );
    const slice = JSON.parse(get('endpointslices -o json').stdout).items[0];
    expect(slice.apiVersion).toBe('discovery.k8s.io/v1');
    expect(slice.metadata.labels['kubernetes.io/service-name']).toBe('kubia');
    expect(slice.endpoints[0]).toMatchObject({ addresses: ['10.244.1.2'], conditions: { ready: true } });
  });
});

describe('kubectl describe endpointslice', () => {
  it('lists ports and each endpoint with its conditions', () => {
    const parsed = parseFlags(['endpointslices'], []);
    if (!parsed.ok) throw new Error(parsed.error);
    const out = runDescribe(kubiaState(), parsed.parsed, 'default').stdout;
    expect(out).toContain(
      'AddressType:  IPv4\nPorts:\n  Name     Port  Protocol\n  ----     ----  --------\n  <unset>  8080  TCP\nEndpoints:\n',
    );
    expect(out).toContain('  - Addresses:  10.244.1.2\n    Conditions:\n      Ready:    true\n');
  });
});
