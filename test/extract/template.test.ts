import { describe, expect, it } from 'vitest';
import { APPLICANT_COLUMN_KEYS } from '../../src/core/model/glossary';
import { applicationsLayoutA, extractText } from './helpers';

const HEAD =
  '某县某局\n2019年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n';

/** Table 二 of the 2019 trial format (国办公开办函〔2019〕60号). */
const T2_2019 = [
  '\t第二十条第（一）项',
  '\t信息内容\n\t本年新制作数量\n\t本年新公开数量\n\t对外公开总数量',
  '\t规章\n\t1\n\t2\n\t3',
  '\t规范性文件\n\t4\n\t5\n\t6',
  '\t第二十条第（五）项',
  '\t信息内容\n\t上一年项目数量\n\t本年增/减\n\t处理决定数量',
  '\t行政许可\n\t7\n\t8\n\t9',
].join('\n\n');

/** Table 三 of the 2019 format: （六）其他处理 is one row with values. */
const T3_2019 = [
  '\t申请人情况',
  '\t\n\t自然人\n\t法人或其他组织\n\t总计',
  '\t\n\t\n\t商业企业\n\t科研机构\n\t社会公益组织\n\t法律服务机构\n\t其他\n\t',
  '\t一、本年新收政府信息公开申请数量\n\t3\n\t0\n\t0\n\t0\n\t0\n\t0\n\t3',
  '\t（六）其他处理\n\t1\n\t0\n\t0\n\t0\n\t0\n\t0\n\t1',
  '\t（七）总计\n\t3\n\t0\n\t0\n\t0\n\t0\n\t0\n\t3',
].join('\n\n');

describe('template detection', () => {
  it('flags the 2019 format and does not map its tables onto 2021 keys', () => {
    const m = extractText(`${HEAD}${T2_2019}\n\n三、收到和处理政府信息公开申请情况\n${T3_2019}\n`);
    expect(m.template).toBe('2019');
    expect(m.templateEvidence).toEqual(
      expect.arrayContaining(['本年新制作数量', '对外公开总数量', '上一年项目数量']),
    );
    expect(m.templateEvidence.some((e) => e.includes('其他处理'))).toBe(true);
    const t2 = m.tables.activeDisclosure;
    expect(t2).not.toBeNull();
    expect(t2?.regulations.issued).toMatchObject({ value: null, missing: true });
    expect(t2?.licensing).toMatchObject({ value: null, missing: true });
    // Rows that exist in both formats are still read; the 2021-only rows stay missing.
    expect(m.tables.applications?.newReceived.total.value).toBe(3);
    for (const c of APPLICANT_COLUMN_KEYS) {
      expect(m.tables.applications?.['otherHandling.overdueCorrection'][c].missing).toBe(true);
      expect(m.tables.applications?.['otherHandling.other'][c].missing).toBe(true);
    }
  });

  it('recognises the 2019 format from the single-row 其他处理 alone', () => {
    const m = extractText(`${HEAD}三、收到和处理政府信息公开申请情况\n${T3_2019}\n`);
    expect(m.template).toBe('2019');
  });

  it('recognises a 2021 report and does not take prose mentions for tell-tales', () => {
    const m = extractText(
      `${HEAD}本年度我局在政府集中采购、对外公开总数量等方面持续发力，全面推进政务公开工作，取得明显成效。\n三、收到和处理政府信息公开申请情况\n${applicationsLayoutA()}\n`,
    );
    expect(m.template).toBe('2021');
    expect(m.templateEvidence).toEqual([]);
  });

  it('flags the pre-2019 structure and leaves every table null', () => {
    const m = extractText(
      '某局2017年政府信息公开工作年度报告\n一、概述\n正文。\n二、主动公开政府信息情况\n三、咨询处理情况\n四、收费及减免情况\n附：统计附表\n',
    );
    expect(m.template).toBe('pre-2019');
    expect(m.templateEvidence).toEqual(expect.arrayContaining(['概述', '咨询处理情况']));
    expect(m.tables).toEqual({
      activeDisclosure: null,
      applications: null,
      reviewLitigation: null,
    });
  });

  it('says unknown when nothing tells', () => {
    expect(extractText('一段与年报无关的文字。\n').template).toBe('unknown');
  });
});
