import { describe, expect, it } from 'vitest';
import { parseLine } from './parseLine.ts';

const words = (line: string, env: Record<string, string> = {}) => {
  const r = parseLine(line, (n) => env[n] ?? '');
  if (!r.ok) throw new Error(r.error);
  return r.pipelines.map((p) => p.commands.map((c) => c.argv));
};

describe('parseLine', () => {
  it('splits words and keeps quoted text whole', () => {
    expect(words(`kubectl exec kubia-65mtj -- curl -s 'http://kubia'`)).toEqual([
      [['kubectl', 'exec', 'kubia-65mtj', '--', 'curl', '-s', 'http://kubia']],
    ]);
    expect(words(`echo "a  b" 'c "d"' e\\ f`)).toEqual([[['echo', 'a  b', 'c "d"', 'e f']]]);
    expect(words(`curl -H "Host: kubia.example.com" x`)).toEqual([
      [['curl', '-H', 'Host: kubia.example.com', 'x']],
    ]);
  });

  it('expands $VAR outside single quotes only', () => {
    expect(
      words(`curl http://$KUBIA_SERVICE_HOST:\${KUBIA_SERVICE_PORT}/ '$X'`, {
        KUBIA_SERVICE_HOST: '10.96.1.2',
        KUBIA_SERVICE_PORT: '80',
      }),
    ).toEqual([[['curl', 'http://10.96.1.2:80/', '$X']]]);
  });

  it('reads pipes, redirections and separators', () => {
    const r = parseLine(
      'echo "1.2.3.4 kubia.example.com" >> /etc/hosts; kubectl get po | grep kubia && echo ok',
    );
    expect(r).toEqual({
      ok: true,
      pipelines: [
        {
          commands: [
            { argv: ['echo', '1.2.3.4 kubia.example.com'], redirects: [{ op: '>>', target: '/etc/hosts' }] },
          ],
          then: ';',
        },
        {
          commands: [
            { argv: ['kubectl', 'get', 'po'], redirects: [] },
            { argv: ['grep', 'kubia'], redirects: [] },
          ],
          then: '&&',
        },
        { commands: [{ argv: ['echo', 'ok'], redirects: [] }], then: null },
      ],
    });
    expect(parseLine('curl x 2>&1 >/dev/null')).toMatchObject({
      ok: true,
      pipelines: [
        {
          commands: [
            {
              argv: ['curl', 'x'],
              redirects: [
                { fd: 2, op: '>&', target: '1' },
                { op: '>', target: '/dev/null' },
              ],
            },
          ],
        },
      ],
    });
  });

  it('reports bash syntax errors', () => {
    expect(parseLine('| grep x')).toEqual({
      ok: false,
      error: "bash: syntax error near unexpected token `|'",
    });
    expect(parseLine('echo >')).toEqual({
      ok: false,
      error: "bash: syntax error near unexpected token `newline'",
    });
    expect(parseLine("echo 'open")).toEqual({
      ok: false,
      error: "bash: unexpected EOF while looking for matching `''",
    });
  });

  it('ignores comments and empty lines', () => {
    expect(words('# nothing')).toEqual([]);
    expect(words('   ')).toEqual([]);
  });
});
