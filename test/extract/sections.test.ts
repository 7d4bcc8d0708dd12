import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/core/extract';
import { matchHeading } from '../../src/core/extract/sections';
import type { Block } from '../../src/core/model/types';
import { docFromBlocks, extractText } from './helpers';

describe('matchHeading', () => {
  it.each([
    ['一、总体情况', 'overview', '一、'],
    ['二、行政机关主动公开政府信息情况', 'activeDisclosure', '二、'],
    ['三、行政机关收到和处理政府信息公开申请情况', 'applications', '三、'],
    ['四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', 'reviewLitigation', '四、'],
    ['四、政府信息公开行政复议及行政诉讼情况', 'reviewLitigation', '四、'],
    ['5、 政府信息公开工作存在的主要问题及改进情况', 'problems', '5、'],
    ['六．其他需要报告的事项', 'otherMatters', '六．'],
    ['存在的主要问题及改进情况', 'problems', ''],
    ['三、依申请公开情况', 'applications', '三、'],
  ])('%s → %s', (text, key, numeral) => {
    expect(matchHeading(text)).toEqual({ key, numeral });
  });

  it.each([
    '一、本年新收政府信息公开申请数量',
    '四、结转下年度继续办理',
    '三、本年度办理结果',
    '（一）主动公开',
    '（二）依申请公开工作情况。2023年未收到申请。',
    '（一）2023年存在的主要问题',
    '2023年度市工信局无其他需要报告的事项。',
    '全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况。',
    '二、依申请公开情况',
  ])('%s is not a section heading', (text) => {
    expect(matchHeading(text)).toBeNull();
  });

  it('uses the recovered auto-numbering label', () => {
    expect(matchHeading('总体情况', '一、')).toEqual({ key: 'overview', numeral: '一、' });
  });
});

describe('sections in a document', () => {
  it('finds Markdown headings of mixed levels and assigns body paragraphs', () => {
    const m = extractText(
      [
        '# 孟津区科技和工业信息化局 2023 年政府信息公开 工作年度报告',
        '## 一、总体情况',
        '正文一。',
        '### （一）主动公开',
        '主动公开正文。',
        '## 二、主动公开政府信息情况',
        '### 三、收到和处理政府信息公开申请情况',
        '#### 四、政府信息公开行政复议、行政诉讼情况',
        '#### 五、存在的主要问题及改进情况',
        '问题。',
        '#### 六、其他需要报告的事项',
        '今年未收取信息处理费。',
      ].join('\n\n'),
      'r.md',
      'md',
    );
    expect(m.sections.map((s) => s.found)).toEqual([true, true, true, true, true, true]);
    expect(m.sections[0]?.paragraphs.map((p) => p.text)).toEqual([
      '正文一。',
      '（一）主动公开',
      '主动公开正文。',
    ]);
    expect(m.sections[5]?.paragraphs.map((p) => p.text)).toEqual(['今年未收取信息处理费。']);
    expect(m.headingsInOrder.map((h) => h.numeral)).toEqual([
      '一、',
      '二、',
      '三、',
      '四、',
      '五、',
      '六、',
    ]);
    expect(m.paragraphs[0]?.section).toBeUndefined();
    expect(m.agency).toBe('孟津区科技和工业信息化局');
  });

  it('finds headings without numerals (auto-numbering lost) and after web-page chrome', () => {
    const blocks: Block[] = [
      { kind: 'paragraph', text: '首页 政务公开 政府信息公开 政府信息公开年度报告' },
      { kind: 'paragraph', text: '淄博市临淄区人民政府 2023年政府信息公开工作年度报告' },
      { kind: 'paragraph', text: '总体情况', listLevel: 0 },
      { kind: 'paragraph', text: '正文。' },
      { kind: 'paragraph', text: '主动公开政府信息情况', listLevel: 0 },
      { kind: 'paragraph', text: '收到和处理政府信息公开申请情况', listLevel: 0 },
      { kind: 'paragraph', text: '政府信息公开行政复议、行政诉讼情况', listLevel: 0 },
      { kind: 'paragraph', text: '存在的主要问题及改进情况', listLevel: 0 },
      { kind: 'paragraph', text: '其他需要报告的事项', listLevel: 0 },
    ];
    const m = extractReport(docFromBlocks(blocks), { id: 'x', file: 'x.docx' });
    expect(m.sections.every((s) => s.found)).toBe(true);
    expect(m.headingsInOrder.every((h) => h.numeral === '')).toBe(true);
    expect(m.sections[0]?.heading?.pos).toEqual({ block: 2 });
    expect(m.agency).toBe('淄博市临淄区人民政府');
  });

  it('keeps duplicates in headingsInOrder but the first as the section heading', () => {
    const m = extractText(
      '某局2023年政府信息公开工作年度报告\n一、总体情况\n甲。\n五、存在的主要问题及改进情况\n乙。\n五、存在的主要问题及改进情况\n丙。\n',
    );
    expect(m.headingsInOrder.map((h) => h.key)).toEqual(['overview', 'problems', 'problems']);
    expect(m.sections[4]?.heading?.pos.block).toBe(3);
    expect(m.sections[4]?.paragraphs.map((p) => p.text)).toEqual(['乙。', '丙。']);
    expect(m.sections[1]?.found).toBe(false);
  });
});
