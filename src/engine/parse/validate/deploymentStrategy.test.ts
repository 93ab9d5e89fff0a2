/**
 * spec.strategy as the API server validates it (ValidateDeploymentStrategy and
 * ValidateRollingUpdateDeployment in pkg/apis/apps/validation/validation.go,
 * https://github.com/kubernetes/kubernetes); a kind cluster answers
 * `spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0`.
 */
import { describe, expect, it } from 'vitest';
import { problems } from '../test/helpers.ts';

const deploy = (strategy: string) =>
  `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
${strategy}  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx}]
`;

describe('Deployment strategy validation', () => {
  it('refuses maxSurge and maxUnavailable both 0, at maxUnavailable', () => {
    expect(problems(deploy('  strategy:\n    rollingUpdate: {maxSurge: 0, maxUnavailable: 0}\n'))).toEqual([
      '7:50 error spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    ]);
    expect(
      problems(deploy('  strategy:\n    rollingUpdate: {maxSurge: "0%", maxUnavailable: "0%"}\n')),
    ).toEqual([
      '7:53 error spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0',
    ]);
  });

  it('accepts one of them 0 (the other defaults to 25%)', () => {
    expect(problems(deploy('  strategy:\n    rollingUpdate: {maxSurge: 0}\n'))).toEqual([]);
    expect(problems(deploy('  strategy:\n    rollingUpdate: {maxUnavailable: 0}\n'))).toEqual([]);
  });

  it('refuses rollingUpdate with Recreate, a percentage over 100 and an unknown type', () => {
    expect(
      problems(deploy('  strategy:\n    type: Recreate\n    rollingUpdate: {maxSurge: 1}\n')).map((p) =>
        p.replace(/^\d+:\d+ /, ''),
      ),
    ).toEqual([
      "error spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ]);
    expect(
      problems(deploy('  strategy:\n    rollingUpdate: {maxUnavailable: "150%"}\n')).map((p) =>
        p.replace(/^\d+:\d+ /, ''),
      ),
    ).toEqual([
      'error spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%',
    ]);
    expect(
      problems(deploy('  strategy:\n    type: BlueGreen\n')).map((p) => p.replace(/^\d+:\d+ /, '')),
    ).toEqual([
      'error spec.strategy.type: Unsupported value: "BlueGreen": supported values: "Recreate", "RollingUpdate"',
    ]);
  });
});
