/**
 * Label selectors as the API machinery evaluates them (k8s.io/apimachinery/pkg/labels):
 * a map selector (Service, ReplicationController, nodeSelector) is an AND of equalities; a
 * LabelSelector adds set-based requirements. An empty selector matches everything.
 */
import type { LabelSelector } from './objects.ts';

export function matchesLabels(labels: Record<string, string>, selector: Record<string, string>): boolean {
  for (const key in selector) {
    if (labels[key] !== selector[key]) return false;
  }
  return true;
}

export function matchesLabelSelector(labels: Record<string, string>, selector: LabelSelector): boolean {
  if (!matchesLabels(labels, selector.matchLabels)) return false;
  for (const req of selector.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, req.key);
    const value = labels[req.key];
    switch (req.operator) {
      case 'In':
        if (!has || value === undefined || !req.values.includes(value)) return false;
        break;
      case 'NotIn':
        if (has && value !== undefined && req.values.includes(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}
