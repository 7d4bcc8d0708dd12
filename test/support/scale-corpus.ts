/**
 * The 500-report corpus of the scale test and the UI bench: 10 districts × 25 departments × 2 years
 * of .txt reports with seeded, varied narrative (so the cross-agency rule has real work) and
 * varied table figures. Deterministic: the same files on every run, so bench figures compare.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSpec, specToTxt } from '../fixtures';
import { mulberry32 } from './random';

const DISTRICTS = [
  '东城区',
  '西城区',
  '南湖区',
  '北塘区',
  '江岸区',
  '河西区',
  '青山区',
  '新华区',
  '长安区',
  '高新区',
];
const DEPARTMENTS = [
  '发展和改革局',
  '教育局',
  '科学技术局',
  '工业和信息化局',
  '公安分局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源局',
  '生态环境分局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '卫生健康委员会',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '城市管理局',
];
const PHRASES = [
  '坚持以人民为中心的发展思想',
  '围绕优化营商环境重点任务',
  '聚焦群众关切的热点问题',
  '持续深化政务公开标准化规范化建设',
  '严格落实信息发布审核制度',
  '及时回应社会关切',
  '加强政策解读工作',
  '推进基层政务公开',
  '完善依申请公开办理流程',
  '强化公开平台日常监管',
  '组织开展业务培训',
  '规范政府信息管理',
  '落实重大决策预公开',
  '扩大公众参与',
  '动态调整主动公开目录',
  '推动公开内容向移动端延伸',
  '加强档案和信息资源管理',
  '健全考核评议机制',
];

export const SCALE_CORPUS_SIZE = DISTRICTS.length * DEPARTMENTS.length * 2;

function sentence(r: () => number, agency: string): string {
  const pick = (): string => PHRASES[Math.floor(r() * PHRASES.length)] as string;
  return `${agency}${pick()}，${pick()}，全年${pick()}${Math.floor(r() * 90) + 5}次，${pick()}。`;
}

/** Writes the corpus into `dir`; returns the number of files written. */
export function writeScaleCorpus(dir: string): number {
  mkdirSync(dir, { recursive: true });
  let n = 0;
  DISTRICTS.forEach((d, i) =>
    DEPARTMENTS.forEach((dep, j) => {
      const agency = `${d}${dep}`;
      for (const year of [2022, 2023]) {
        const r = mulberry32(i * 1000 + j * 10 + year);
        const spec = defaultSpec({ agency, year });
        spec.tables.activeDisclosure.licensing = Math.floor(r() * 500);
        spec.tables.activeDisclosure.punishment = Math.floor(r() * 80);
        for (const s of spec.sections) {
          if (s.key === 'overview' || s.key === 'problems')
            s.paragraphs = [0, 1, 2, 3].map(() => sentence(r, agency));
        }
        writeFileSync(join(dir, `${agency}${year}年政府信息公开工作年度报告.txt`), specToTxt(spec));
        n++;
      }
    }),
  );
  return n;
}
