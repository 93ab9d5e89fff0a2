import { describe, it, expect } from 'vitest';
import { ACTION_SPECS, KIND_SHORT_NAMES } from './actionSchema.ts';

describe('the action schema behind z1 tuples', () => {
  it('gives every action type its own one-letter code', () => {
    const codes = ACTION_SPECS.map((spec) => spec.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-zA-Z]$/);
  });

  it('puts namespace last wherever it appears, but for optional fields (so the default can be left off)', () => {
    for (const spec of ACTION_SPECS) {
      const at = spec.fields.findIndex((field) => field.type === 'namespace');
      const required = spec.fields.filter((field) => field.type !== 'optionalCount').length;
      if (at >= 0) expect(at, spec.type).toBe(required - 1);
      // optional fields only at the end, where an absent one can be left off
      const firstOptional = spec.fields.findIndex((field) => field.type === 'optionalCount');
      if (firstOptional >= 0) expect(firstOptional, spec.type).toBe(required);
    }
  });

  it('has at most one text field per action (apply texts are cut from the payload in order)', () => {
    for (const spec of ACTION_SPECS) {
      expect(spec.fields.filter((field) => field.type === 'text').length).toBeLessThanOrEqual(1);
    }
  });

  it('uses distinct short names that are not also full kind names', () => {
    const shorts = Object.values(KIND_SHORT_NAMES);
    expect(new Set(shorts).size).toBe(shorts.length);
    for (const short of shorts) expect(Object.keys(KIND_SHORT_NAMES)).not.toContain(short);
  });
});
