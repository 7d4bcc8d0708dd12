import { describe, expect, it } from 'vitest';
import { agencyKind } from '../../src/core/workspace/agency-kind';

describe('agencyKind', () => {
  it.each([
    ['淄博市临淄区人民政府', 'government'],
    ['淮安市人民政府', 'government'],
    ['临淄区辛店街道办事处', 'township'],
    ['辛店街道', 'township'],
    ['临淄区金山镇人民政府', 'township'],
    ['某某乡人民政府', 'township'],
    ['临淄区工业和信息化局', 'department'],
    ['淄博市临淄区人民政府办公室', 'department'],
    ['樟树市工信局', 'department'],
  ] as const)('%s → %s', (name, kind) => {
    expect(agencyKind(name)).toBe(kind);
  });

  it('no name → other', () => {
    expect(agencyKind(null)).toBe('other');
    expect(agencyKind('')).toBe('other');
  });
});
