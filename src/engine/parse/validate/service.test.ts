import { describe, expect, it } from 'vitest';
import { errors, problems } from '../test/helpers.ts';

/** A Service manifest with `spec` lines indented under `spec:` (line 5 onward). */
const svc = (spec: string, name = 'web') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${spec}`;

describe('Service validation (docs/kubernetes-facts.md §1, §2, §6–§8, §10, §11, §14)', () => {
  it('name must be a DNS-1035 label', () => {
    expect(problems(svc('  ports: [{port: 80}]\n', '1kubia'))).toEqual([
      `4:9 error metadata.name: Invalid value: "1kubia": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ]);
    expect(problems(svc('  ports: [{port: 80}]\n', 'kubia-1'))).toEqual([]);
  });

  it('ports: range, required names when several, duplicate names, duplicate port+protocol', () => {
    expect(problems(svc('  ports:\n  - port: 70000\n    targetPort: 8080\n'))).toEqual([
      '7:11 error spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]);
    expect(problems(svc('  ports:\n  - port: 80\n  - port: 443\n'))).toEqual([
      '7:5 error spec.ports[0].name: Required value',
      '8:5 error spec.ports[1].name: Required value',
    ]);
    expect(problems(svc('  ports:\n  - {name: http, port: 80}\n  - {name: http, port: 81}\n'))).toEqual([
      '8:12 error spec.ports[1].name: Duplicate value: "http"',
    ]);
    expect(
      errors(svc('  ports:\n  - {name: a, port: 80}\n  - {name: b, port: 80}\n')).map((d) => [
        d.path,
        d.message,
      ]),
    ).toEqual([
      [
        'spec.ports[1]',
        'Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
      ],
    ]);
    // 53/TCP and 53/UDP may share a number.
    expect(
      problems(svc('  ports:\n  - {name: dns, port: 53, protocol: UDP}\n  - {name: dns-tcp, port: 53}\n')),
    ).toEqual([]);
  });

  it('protocol must be TCP, UDP or SCTP; port names DNS-1123 labels; targetPort names IANA', () => {
    expect(problems(svc('  ports: [{port: 80, protocol: HTTP}]\n'))).toEqual([
      '6:32 error spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
    expect(problems(svc('  ports: [{port: 80, name: Http}]\n'))[0]).toContain(
      'spec.ports[0].name: Invalid value: "Http": a lowercase RFC 1123 label must consist of',
    );
    expect(problems(svc('  ports: [{port: 80, targetPort: http_port}]\n'))).toEqual([
      '6:34 error spec.ports[0].targetPort: Invalid value: "http_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ]);
    expect(
      problems(svc('  ports: [{port: 80, targetPort: 8080a-very-long-name}]\n')).map(
        (p) => p.split(': ').slice(-1)[0],
      ),
    ).toEqual(['must be no more than 15 characters']);
  });

  it('spec.ports is required unless headless or ExternalName', () => {
    expect(problems(svc('  selector: {app: web}\n'))).toEqual(['5:1 error spec.ports: Required value']);
    expect(problems(svc('  clusterIP: None\n  selector: {app: web}\n'))).toEqual([]);
  });

  it('type must be one of the four', () => {
    expect(problems(svc('  type: NodePorts\n  ports: [{port: 80}]\n'))).toEqual([
      '6:9 error spec.type: Unsupported value: "NodePorts": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
  });

  it('nodePort: outside 30000-32767, on a ClusterIP Service, twice in one Service', () => {
    expect(problems(svc('  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 29999\n'))).toEqual([
      '9:15 error spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ]);
    expect(errors(svc('  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 29999\n'))[0]?.code).toBe(
      'svc-nodeport-range',
    );
    expect(problems(svc('  ports:\n  - port: 80\n    nodePort: 30123\n'))).toEqual([
      "8:15 error spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
    expect(
      problems(
        svc(
          '  type: NodePort\n  ports:\n  - {name: a, port: 80, nodePort: 30123}\n  - {name: b, port: 81, nodePort: 30123}\n',
        ),
      ),
    ).toEqual(['9:35 error spec.ports[1].nodePort: Duplicate value: 30123']);
  });

  it('headless NodePort and LoadBalancer are invalid', () => {
    expect(problems(svc('  type: NodePort\n  clusterIP: None\n  ports: [{port: 80}]\n'))).toEqual([
      `7:14 error spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`,
    ]);
    expect(problems(svc('  type: LoadBalancer\n  clusterIP: None\n  ports: [{port: 80}]\n'))).toEqual([
      `7:14 error spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for LoadBalancer services`,
    ]);
  });

  it('ExternalName: name required, DNS subdomain, no clusterIP', () => {
    expect(problems(svc('  type: ExternalName\n'))).toEqual(['5:1 error spec.externalName: Required value']);
    expect(problems(svc('  type: ExternalName\n  externalName: api.somecompany.com.\n'))).toEqual([]);
    expect(problems(svc('  type: ExternalName\n  externalName: Api_Company\n'))[0]).toContain(
      'spec.externalName: Invalid value: "Api_Company": a lowercase RFC 1123 subdomain',
    );
    expect(problems(svc('  type: ExternalName\n  externalName: a.b\n  clusterIP: 10.96.0.5\n'))).toEqual([
      '8:14 error spec.clusterIPs: Forbidden: may not be set for ExternalName services',
    ]);
    // The selector is unused but still label-validated.
    expect(
      problems(svc('  type: ExternalName\n  externalName: a.b\n  selector: {app: "bad value"}\n'))[0],
    ).toContain(
      `spec.selector: Invalid value: "bad value": a valid label must be an empty string or consist of alphanumeric characters`,
    );
  });

  it('clusterIP must be empty, None or an IP', () => {
    expect(problems(svc('  clusterIP: 10.96.0.300\n  ports: [{port: 80}]\n'))).toEqual([
      `6:14 error spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be empty, 'None', or a valid IP address`,
    ]);
  });

  it('session affinity: values, timeout range, config forbidden with None', () => {
    expect(problems(svc('  sessionAffinity: Cookie\n  ports: [{port: 80}]\n'))).toEqual([
      '6:20 error spec.sessionAffinity: Unsupported value: "Cookie": supported values: "ClientIP", "None"',
    ]);
    const cfg = (t: number) =>
      svc(
        `  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: ${t}\n  ports: [{port: 80}]\n`,
      );
    expect(problems(cfg(0))).toEqual([
      '9:23 error spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400',
    ]);
    expect(problems(cfg(86401))).toHaveLength(1);
    expect(problems(cfg(86400))).toEqual([]);
    expect(
      problems(svc('  sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}\n  ports: [{port: 80}]\n')),
    ).toEqual([
      '6:26 error spec.sessionAffinityConfig: Forbidden: must not be set when session affinity is None',
    ]);
  });

  it('externalTrafficPolicy only on externally reachable Services; healthCheckNodePort only for LB + Local', () => {
    expect(problems(svc('  externalTrafficPolicy: Local\n  ports: [{port: 80}]\n'))).toEqual([
      '6:26 error spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    ]);
    expect(
      problems(svc('  externalTrafficPolicy: Local\n  externalIPs: [203.0.113.7]\n  ports: [{port: 80}]\n')),
    ).toEqual([]);
    expect(
      problems(svc('  type: NodePort\n  externalTrafficPolicy: Global\n  ports: [{port: 80}]\n')),
    ).toEqual([
      '7:26 error spec.externalTrafficPolicy: Unsupported value: "Global": supported values: "Cluster", "Local"',
    ]);
    expect(
      problems(
        svc(
          '  type: NodePort\n  externalTrafficPolicy: Local\n  healthCheckNodePort: 32000\n  ports: [{port: 80}]\n',
        ),
      ),
    ).toEqual([
      "8:24 error spec.healthCheckNodePort: Invalid value: 32000: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
    ]);
    expect(
      problems(
        svc(
          '  type: LoadBalancer\n  externalTrafficPolicy: Local\n  healthCheckNodePort: 32000\n  ports: [{port: 80}]\n',
        ),
      ),
    ).toEqual([]);
  });

  it('an explicit healthCheckNodePort must be in the node-port range', () => {
    expect(
      problems(
        svc(
          '  type: LoadBalancer\n  externalTrafficPolicy: Local\n  healthCheckNodePort: 20000\n  ports: [{port: 80}]\n',
        ),
      ),
    ).toEqual([
      '8:24 error spec.healthCheckNodePort: Invalid value: 20000: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ]);
  });

  it('LoadBalancer-only fields on other types are forbidden', () => {
    expect(problems(svc('  allocateLoadBalancerNodePorts: false\n  ports: [{port: 80}]\n'))).toEqual([
      "6:34 error spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'",
    ]);
    expect(
      problems(svc('  loadBalancerSourceRanges: [10.0.0.0/8]\n  type: NodePort\n  ports: [{port: 80}]\n')),
    ).toEqual([
      "6:29 error spec.loadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'",
    ]);
  });

  it('IP family fields: values, and none on ExternalName', () => {
    expect(problems(svc('  ipFamilyPolicy: DualStack\n  ports: [{port: 80}]\n'))).toEqual([
      '6:19 error spec.ipFamilyPolicy: Unsupported value: "DualStack": supported values: "PreferDualStack", "RequireDualStack", "SingleStack"',
    ]);
    expect(problems(svc('  ipFamilies: [IPv5]\n  ports: [{port: 80}]\n'))).toEqual([
      '6:16 error spec.ipFamilies[0]: Unsupported value: "IPv5": supported values: "IPv4", "IPv6"',
    ]);
    expect(problems(svc('  type: ExternalName\n  externalName: a.b\n  ipFamilies: [IPv4]\n'))).toEqual([
      '8:15 error spec.ipFamilies: Forbidden: may not be set for ExternalName services',
    ]);
  });

  it('selector label values are validated, with the message on the value', () => {
    expect(problems(svc('  selector:\n    app: -kubia\n  ports: [{port: 80}]\n'))).toEqual([
      `7:10 error spec.selector: Invalid value: "-kubia": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ]);
  });
});
