/** describe pages as kubectl lays them out (describe.go through tabwriter minwidth 0, padding 2). */
import { describe, expect, it } from 'vitest';
import { kubiaState } from '../../test/kubiaState.ts';
import { runDescribe } from './describe.ts';
import { parseFlags } from './flags.ts';

function describePage(args: string[]): string {
  const parsed = parseFlags(args, []);
  if (!parsed.ok) throw new Error(parsed.error);
  const out = runDescribe(kubiaState(), parsed.parsed, 'default');
  return out.stdout + out.stderr;
}

describe('kubectl describe', () => {
  it('svc', () => {
    expect(describePage(['svc', 'kubia'])).toBe(
      [
        'Name:                     kubia',
        'Namespace:                default',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 app=kubia',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.31.193',
        'IPs:                      10.96.31.193',
        'Port:                     http  80/TCP',
        'TargetPort:               8080/TCP',
        'Endpoints:                10.244.1.2:8080,10.244.1.3:8080,10.244.2.2:8080',
        'Port:                     https  443/TCP',
        'TargetPort:               8443/TCP',
        'Endpoints:                10.244.1.2:8443,10.244.1.3:8443,10.244.2.2:8443',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('ingress', () => {
    expect(describePage(['ing', 'kubia'])).toBe(
      [
        'Name:             kubia',
        'Labels:           <none>',
        'Namespace:        default',
        'Address:          172.18.0.4',
        'Ingress Class:    <none>',
        'Default backend:  <default>',
        'Rules:',
        '  Host               Path  Backends',
        '  ----               ----  --------',
        '  kubia.example.com  ',
        '                     /   kubia-nodeport:80 (10.244.1.2:8080,10.244.1.3:8080,10.244.2.2:8080)',
        'Annotations:         kubernetes.io/ingress.class: traefik',
        'Events:              <none>',
        '',
      ].join('\n'),
    );
  });

  it('endpoints', () => {
    expect(describePage(['ep', 'kubia'])).toBe(
      [
        'Name:         kubia',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Subsets:',
        '  Addresses:          10.244.1.2,10.244.1.3,10.244.2.2',
        '  NotReadyAddresses:  <none>',
        '  Ports:',
        '    Name   Port  Protocol',
        '    ----   ----  --------',
        '    http   8080  TCP',
        '    https  8443  TCP',
        '',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
  });

  it('pod: the top of the page and the conditions table', () => {
    const page = describePage(['pod', 'kubia-qxjsk']);
    expect(page.split('\n').slice(0, 14)).toEqual([
      'Name:             kubia-qxjsk',
      'Namespace:        default',
      'Priority:         0',
      'Service Account:  default',
      'Node:             kind-worker/172.18.0.3',
      'Start Time:       Thu, 01 Jan 2026 09:02:00 +0000',
      'Labels:           app=kubia',
      'Annotations:      <none>',
      'Status:           Running',
      'IP:               10.244.1.2',
      'IPs:',
      '  IP:           10.244.1.2',
      'Controlled By:  ReplicationController/kubia',
      'Containers:',
    ]);
    expect(page).toContain(
      'Conditions:\n  Type                        Status\n  PodReadyToStartContainers   True \n  Initialized                 True \n  Ready                       True \n',
    );
  });

  it('describes every pod whose name starts with the given prefix; says so when none does', () => {
    expect(describePage(['pods', 'kubia']).match(/^Name: /gm)).toHaveLength(3);
    expect(describePage(['svc', 'nope'])).toBe('Error from server (NotFound): services "nope" not found\n');
  });
});

describe('kubectl describe rc', () => {
  it('lays out the pod template as DescribePodTemplate does', () => {
    expect(describePage(['rc', 'kubia'])).toBe(
      [
        'Name:         kubia',
        'Namespace:    default',
        'Selector:     app=kubia',
        'Labels:       app=kubia',
        'Annotations:  <none>',
        'Replicas:     3 current / 3 desired',
        'Pods Status:  3 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=kubia',
        '  Containers:',
        '   kubia:',
        '    Image:         luksa/kubia',
        '    Ports:         8080/TCP, 8443/TCP',
        '    Host Ports:    0/TCP, 0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:',
        '  Type    Reason            Age   From                    Message',
        '  ----    ------            ----  ----                    -------',
        '  Normal  SuccessfulCreate  27m   replication-controller  Created pod: kubia-qxjsk',
        '  Normal  SuccessfulCreate  27m   replication-controller  Created pod: kubia-b6wgn',
        '  Normal  SuccessfulCreate  27m   replication-controller  Created pod: kubia-w446j',
        '',
      ].join('\n'),
    );
  });
});
