import { describe, expect, it } from 'vitest';
import { formatAge } from './age.ts';
import { DESCRIBE, formatTabbed, formatTable } from './tabwriter.ts';

describe('formatAge (apimachinery HumanDuration)', () => {
  it.each([
    [0, '0s'],
    [59, '59s'],
    [119, '119s'],
    [120, '2m'],
    [150, '2m30s'],
    [600, '10m'],
    [3 * 3600 - 1, '179m'],
    [3 * 3600, '3h'],
    [7 * 3600 + 1800, '7h30m'],
    [8 * 3600, '8h'],
    [47 * 3600, '47h'],
    [2 * 86400 + 3 * 3600, '2d3h'],
    [8 * 86400, '8d'],
    [800 * 86400, '2y70d'],
    [9 * 365 * 86400, '9y'],
  ])('%i seconds -> %s', (seconds, text) => {
    expect(formatAge(seconds)).toBe(text);
  });
});

describe('Go tabwriter', () => {
  it('pads every column to its widest cell + 3 (min 6), leaving the last cell unpadded', () => {
    expect(
      formatTable([
        ['NAME', 'AGE'],
        ['a', '5m'],
      ]),
    ).toBe('NAME   AGE\na      5m\n');
  });

  it("aligns a column only over consecutive lines that have it (describe's Port lines)", () => {
    const text = 'Name:\tkubia\nPort:\t<unset>\t80/TCP\nTargetPort:\t8080/TCP\nIPs:\nx\n  IP:\t1.2.3.4\n';
    expect(formatTabbed(text, DESCRIBE)).toBe(
      'Name:        kubia\nPort:        <unset>  80/TCP\nTargetPort:  8080/TCP\nIPs:\nx\n  IP:  1.2.3.4\n',
    );
  });
});
