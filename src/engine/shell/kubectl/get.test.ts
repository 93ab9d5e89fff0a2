import { describe, expect, it } from 'vitest';
import { kubiaState } from '../../test/kubiaState.ts';
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
        'kubia-b6wgn   1/1     Running   0          27m',
        'kubia-qxjsk   1/1     Running   0          27m',
        'kubia-w446j   1/1     Running   0          27m',
        '',
      ].join('\n'),
    );
  });

  it('prints services with cluster IPs and ports', () => {
    expect(get('svc').stdout).toBe(
      [
        'NAME                 TYPE           CLUSTER-IP     EXTERNAL-IP      PORT(S)          AGE',
        'kubernetes           ClusterIP      10.96.0.1      <none>           443/TCP          29m',
        'kubia                ClusterIP      10.96.31.193   <none>           80/TCP,443/TCP   27m',
        'kubia-loadbalancer   LoadBalancer   10.96.180.18   172.18.255.200   80:31856/TCP     27m',
        'kubia-nodeport       NodePort       10.96.117.65   <none>           80:30123/TCP     27m',
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
      'kubia-b6wgn   1/1     Running   0          27m   10.244.2.2   kind-worker2   <none>           <none>',
    );
  });

  it('prints endpoints (three at most, then how many more) and ingress', () => {
    expect(get('ep kubia').stdout).toBe(
      'NAME    ENDPOINTS                                                     AGE\nkubia   10.244.1.2:8080,10.244.1.3:8080,10.244.2.2:8080 + 3 more...   27m\n',
    );
    expect(get('ep kubia-nodeport').stdout).toBe(
      'NAME             ENDPOINTS                                         AGE\nkubia-nodeport   10.244.1.2:8080,10.244.1.3:8080,10.244.2.2:8080   27m\n',
    );
    // The scenario picks Traefik with the old annotation, not ingressClassName: CLASS is <none>.
    expect(get('ing').stdout).toBe(
      'NAME    CLASS    HOSTS               ADDRESS      PORTS   AGE\nkubia   <none>   kubia.example.com   172.18.0.4   80      27m\n',
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
      'kubia-b6wgn   1/1     Running   0          27m   app=kubia',
    );
  });

  it('adds label columns with -L', () => {
    expect(get('pods -L app,rel').stdout.split('\n').slice(0, 2)).toEqual([
      'NAME          READY   STATUS    RESTARTS   AGE   APP     REL',
      'kubia-b6wgn   1/1     Running   0          27m   kubia   ',
    ]);
  });

  it('lists all namespaces with a NAMESPACE column', () => {
    const out = get('svc -A').stdout.split('\n');
    expect(out[0]).toMatch(/^NAMESPACE {5}NAME {22}TYPE /);
    expect(out[5]).toContain('kube-system   kube-dns');
    expect(out[5]).toContain('53/UDP,53/TCP');
  });

  it('prints objects as the API server returns them', () => {
    const svc = JSON.parse(get('svc kubia -o json').stdout);
    expect(svc.apiVersion).toBe('v1');
    expect(svc.kind).toBe('Service');
    expect(svc.spec.clusterIP).toBe('10.96.31.193');
    expect(svc.spec.clusterIPs).toEqual(['10.96.31.193']);
    expect(svc.spec.ipFamilies).toEqual(['IPv4']);
    expect(svc.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    const pods = get('pods -o yaml').stdout;
    expect(pods.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n')).toBe(true);
    expect(pods).toContain('podIP: 10.244.1.2');
    // go-yaml quotes what YAML 1.1 would read as a timestamp
    expect(pods).toContain('    creationTimestamp: "2026-01-01T09:02:00Z"\n');
    expect(get('svc kubia -o jsonpath={.spec.clusterIP}').stdout).toBe('10.96.31.193');
    expect(get('pods -o name').stdout).toBe('pod/kubia-b6wgn\npod/kubia-qxjsk\npod/kubia-w446j\n');
  });

  it('prints jsonpath ranges and custom columns', () => {
    expect(get(`pods -o jsonpath={range.items[*]}{.metadata.name}{"\\n"}{end}`).stdout).toBe(
      'kubia-b6wgn\nkubia-qxjsk\nkubia-w446j\n',
    );
    expect(get('pods -o jsonpath={.items[*].status.podIP}').stdout).toBe('10.244.2.2 10.244.1.2 10.244.1.3');
    expect(
      get('pods -o custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName').stdout,
    ).toBe(
      'NAME          IP           NODE\nkubia-b6wgn   10.244.2.2   kind-worker2\nkubia-qxjsk   10.244.1.2   kind-worker\nkubia-w446j   10.244.1.3   kind-worker\n',
    );
  });

  it('sorts by a field with --sort-by', () => {
    expect(get('pods --sort-by=.status.podIP -o name').stdout).toBe(
      'pod/kubia-qxjsk\npod/kubia-w446j\npod/kubia-b6wgn\n',
    );
  });

  it('prints nodes and replication controllers', () => {
    expect(get('nodes').stdout.split('\n')[1]).toBe(
      'kind-control-plane   Ready    control-plane   29m   v1.33.1',
    );
    expect(get('rc').stdout).toBe(
      'NAME    DESIRED   CURRENT   READY   AGE\nkubia   3         3         3       27m\n',
    );
  });
});

describe('kubectl get endpointslices', () => {
  it('lists one slice per Service with its ports and addresses', () => {
    const out = get('endpointslices').stdout.split('\n');
    expect(out[0]).toBe(
      'NAME                       ADDRESSTYPE   PORTS       ENDPOINTS                          AGE',
    );
    expect(out[2]).toMatch(
      /^kubia-[bcdfghjklmnpqrstvwxz2456789]{5} {16}IPv4 {10}8080,8443 {3}10\.244\.1\.2,10\.244\.1\.3,10\.244\.2\.2 {3}27m$/,
    );
    const slice = JSON.parse(get('endpointslices -o json').stdout).items[1];
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
