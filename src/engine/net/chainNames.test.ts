import { describe, it, expect } from 'vitest';
import {
  nftEndpointChainName,
  nftServiceChainName,
  serviceChainName,
  servicePortName,
} from './chainNames.ts';
import { sha256, toBase32, toHex } from '../sha256.ts';

describe('sha256', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(toHex(sha256('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(sha256(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });
  it('base32 matches RFC 4648', () => {
    expect(toBase32(Uint8Array.from([...'foobar'].map((c) => c.charCodeAt(0))))).toBe('MZXW6YTBOI======');
  });
});

describe('kube-proxy chain names', () => {
  // Chain names seen on real clusters (iptables-save / nft list ruleset of a kubeadm cluster).
  it('reproduces KUBE-SVC names of the kube-dns and kubernetes Services', () => {
    expect(serviceChainName(servicePortName('kube-system', 'kube-dns', 'dns'), 'UDP')).toBe(
      'KUBE-SVC-TCOU7JCQXEZGVUNU',
    );
    expect(serviceChainName(servicePortName('kube-system', 'kube-dns', 'dns-tcp'), 'TCP')).toBe(
      'KUBE-SVC-ERIFXISQEP7F7OF4',
    );
    expect(serviceChainName(servicePortName('default', 'kubernetes', 'https'), 'TCP')).toBe(
      'KUBE-SVC-NPX46M4PTMTKRN6Y',
    );
  });
});

describe('nftables chain names', () => {
  it('match the examples in kube-proxy nftables proxier.go', () => {
    expect(nftServiceChainName('ns1', 'svc1', 'TCP', 'p80')).toBe('service-ULMVA6XW-ns1/svc1/tcp/p80');
    expect(nftEndpointChainName('ns1', 'svc1', 'TCP', 'p80', '10.180.0.1:80')).toBe(
      'endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80',
    );
  });
});
