/**
 * Hand-written EndpointSlice validation, one case per message of ValidateEndpointSlice
 * (https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/discovery/validation/validation.go),
 * located at the field.
 */
import { describe, expect, it } from 'vitest';
import { problems } from '../test/helpers.ts';

/** An EndpointSlice with the lines after `metadata` (line 5 onward). */
const slice = (body: string) =>
  `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: web-1\n${body}`;

describe('EndpointSlice validation', () => {
  it('a valid slice, ports defaulted (name "", protocol TCP), has no problem', () => {
    expect(
      problems(slice('addressType: IPv4\nports: [{port: 80}]\nendpoints:\n- addresses: [10.0.0.1]\n')),
    ).toEqual([]);
  });

  it('addressType is required and one of FQDN, IPv4, IPv6', () => {
    expect(problems(slice('endpoints: []\n'))).toEqual(['1:1 error addressType: Required value']);
    expect(problems(slice('addressType: IP\nendpoints: []\n'))).toEqual([
      '5:14 error addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"',
    ]);
  });

  it('each endpoint needs an address of the slice type, not a special one', () => {
    expect(problems(slice('addressType: IPv4\nendpoints:\n- addresses: []\n'))).toEqual([
      '7:14 error endpoints[0].addresses: Required value: must contain at least 1 address',
    ]);
    expect(problems(slice('addressType: IPv4\nendpoints:\n- addresses: [fd00::1]\n'))).toEqual([
      '7:15 error endpoints[0].addresses[0]: Invalid value: "fd00::1": must be a valid IPv4 address',
    ]);
    expect(problems(slice('addressType: IPv4\nendpoints:\n- addresses: [127.0.0.1]\n'))).toEqual([
      '7:15 error endpoints[0].addresses[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    ]);
  });

  it('ports: DNS-1123 label names, no duplicate name, a supported protocol', () => {
    expect(
      problems(
        slice('addressType: IPv4\nendpoints: []\nports:\n- {name: a, port: 1}\n- {name: a, port: 2}\n'),
      ),
    ).toEqual(['9:10 error ports[1].name: Duplicate value: "a"']);
    expect(
      problems(slice('addressType: IPv4\nendpoints: []\nports:\n- {port: 1, protocol: HTTP}\n')),
    ).toEqual([
      '8:23 error ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
    expect(problems(slice('addressType: IPv4\nendpoints: []\nports:\n- {name: Web, port: 1}\n'))[0]).toMatch(
      /^8:10 error ports\[0\]\.name: Invalid value: "Web": a lowercase RFC 1123 label/,
    );
  });
});
