import { describe, it, expect } from 'vitest';
import { parseArgs } from './args.ts';

function command(argv: string[]) {
  const r = parseArgs(argv);
  if (!r.ok) throw new Error(r.error);
  return r.command;
}
function error(argv: string[]): string {
  const r = parseArgs(argv);
  if (r.ok) throw new Error(`expected a usage error for ${argv.join(' ')}`);
  return r.error;
}

describe('parseArgs', () => {
  it('reads check with several files, - for stdin, and --json anywhere', () => {
    expect(command(['check', 'a.yaml', '-', '--json', 'b.yaml'])).toEqual({
      name: 'check',
      files: ['a.yaml', '-', 'b.yaml'],
      json: true,
    });
  });

  it('reads every trace option, both --opt value and --opt=value, repeatable -H and --resolve', () => {
    expect(
      command([
        'trace',
        'k.yaml',
        '--from',
        'client/laptop',
        '--url=http://kubia.example.com/x',
        '--client-ip',
        '203.0.113.9',
        '-H',
        'Host: kubia.example.com',
        '-H',
        'X-Test:  yes ',
        '--resolve',
        'kubia.example.com:80:172.18.0.3',
        '--resolve=[::1]:443:[fd00::1]',
        '--seed',
        '-7',
        '--count',
        '3',
        '-X',
        'post',
      ]),
    ).toEqual({
      name: 'trace',
      files: ['k.yaml'],
      seed: -7,
      count: 3,
      request: {
        from: 'client/laptop',
        url: 'http://kubia.example.com/x',
        clientIp: '203.0.113.9',
        headers: { Host: 'kubia.example.com', 'X-Test': 'yes' },
        resolve: [
          { host: 'kubia.example.com', port: 80, address: '172.18.0.3' },
          { host: '::1', port: 443, address: 'fd00::1' },
        ],
        method: 'POST',
      },
    });
  });

  it('rejects a --resolve it cannot split, even an IPv6 host (curl wants [::1] there too)', () => {
    expect(error(['trace', 'k.yaml', '--from', 'client/a', '--url', 'x', '--resolve', 'nohost'])).toMatch(
      /--resolve wants HOST:PORT:ADDR/,
    );
  });

  it('reads load with --requests and leaves seed out when not given', () => {
    expect(
      command([
        'load',
        'k.yaml',
        '--from',
        'pod/default/client',
        '--url',
        'http://kubia',
        '--requests',
        '100',
      ]),
    ).toEqual({
      name: 'load',
      files: ['k.yaml'],
      requests: 100,
      request: { from: 'pod/default/client', url: 'http://kubia' },
    });
  });

  it('treats --help anywhere, -h and help as the help command, and reads run FILE… -- COMMAND…', () => {
    expect(command(['--help'])).toEqual({ name: 'help' });
    expect(command(['-h'])).toEqual({ name: 'help' });
    expect(command(['trace', '--help'])).toEqual({ name: 'help' });
    expect(
      command(['run', 'a.yaml', '--seed', '3', '--json', '--', 'kubectl get pods', 'curl -s kubia']),
    ).toEqual({
      name: 'run',
      files: ['a.yaml'],
      seed: 3,
      json: true,
      commands: ['kubectl get pods', 'curl -s kubia'],
    });
  });

  it.each([
    [[], /no command/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['check'], /at least one FILE/],
    [['run', 'a.yaml', 'kubectl get pods'], /run needs --/],
    [['run', 'a.yaml', '--'], /at least one COMMAND/],
    [['run', 'a.yaml', '--from', 'client/x', '--', 'ls'], /--from does not apply to run/],
    [['check', 'a.yaml', '--from', 'client/x'], /--from does not apply to check/],
    [['check', 'a.yaml', '--jsn'], /unknown option --jsn/],
    [['check', 'a.yaml', '--json=yes'], /takes no value/],
    [['trace', 'a.yaml', '--url', 'http://kubia'], /--from is required/],
    [['trace', 'a.yaml', '--from', 'laptop', '--url', 'x'], /--from must be client\/NAME/],
    [['trace', 'a.yaml', '--from', 'pod/kubia', '--url', 'x'], /--from must be/],
    [['trace', 'a.yaml', '--from', 'client/a'], /--url is required/],
    [['trace', 'a.yaml', '--from', 'client/a', '--url'], /--url needs a value/],
    [['trace', 'a.yaml', '--from', 'client/a', '--url', 'x', '--count', '0'], /--count must be at least 1/],
    [
      ['trace', 'a.yaml', '--from', 'client/a', '--url', 'x', '--count', 'many'],
      /--count must be a whole number/,
    ],
    [['trace', 'a.yaml', '--from', 'client/a', '--url', 'x', '--seed', '1.5'], /--seed must be an integer/],
    [['trace', 'a.yaml', '--from', 'client/a', '--url', 'x', '--requests', '5'], /--requests does not apply/],
    [['trace', 'a.yaml', '--from', 'client/a', '--url', 'x', '-H', 'NoColon'], /-H wants 'Name: value'/],
    [['trace', 'a.yaml', '--from', 'client/a', '--url', 'x', '--resolve', 'h:99999:1.2.3.4'], /--resolve/],
    [['trace', 'a.yaml', '--from', 'client/a', '--url', 'x', '--client-ip', 'me'], /--client-ip must be/],
    [
      ['trace', 'a.yaml', '--from', 'node/n', '--url', 'x', '--client-ip', '1.2.3.4'],
      /only applies to outside/,
    ],
    [['trace', 'a.yaml', '--from', 'client/a', '--url', 'x', '--url', 'y'], /given more than once/],
    [['load', 'a.yaml', '--from', 'client/a', '--url', 'x'], /--requests N is required/],
    [
      ['load', 'a.yaml', '--from', 'client/a', '--url', 'x', '--requests', '-1'],
      /--requests must be a whole/,
    ],
  ])('%j is a usage error', (argv, message) => {
    expect(error(argv)).toMatch(message);
  });
});
