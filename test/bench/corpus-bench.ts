/**
 * Benchmark of corpus/copied-section on a synthetic city: N reports (default 500) of distinct
 * agencies whose sections 一 and 五 are drawn from a shared pool of formulaic sentences (so many
 * pairs look alike, as real reports do), with a few planted copies (another agency's section with
 * the names swapped and a phrase changed). Prints the time of the rule (wall clock and this
 * process's CPU, steadier on a shared machine; --runs=R repeats it) and the findings, which must be
 * exactly the planted copies. Then the same for one shared template (every pair a real copy: the
 * edit distance's worst case, minutes at 2,000 — --no-template skips it).
 *
 *   npx tsx test/bench/corpus-bench.ts [N] [--runs=R] [--no-template]
 *
 * On this 2-core machine (shared, loaded), 2,000 reports: 8.2–10.5 s CPU before the positional
 * bitmap filter, 1.7–1.9 s after (the same 236 findings).
 *
 * The generator is deterministic (seeded), and exported for the rule's own test.
 */
import { buildReport, setSectionText } from '../support/builders';
import type { ReportModel } from '../../src/core/model/types';
import { corpusCopiedSection } from '../../src/core/rules/corpus/copied-section';
import { runRules } from '../../src/core/rules/engine';
import { mulberry32 } from '../support/random';

const PLACES = [
  '临淄',
  '张店',
  '博山',
  '周村',
  '淄川',
  '桓台',
  '高青',
  '沂源',
  '孟津',
  '樟树',
  '新城',
  '东港',
  '西湖',
  '南山',
  '北塘',
  '中原',
  '金水',
  '二七',
  '上街',
  '惠济',
];
const BODIES = [
  '工业和信息化局',
  '科学技术局',
  '教育和体育局',
  '财政局',
  '民政局',
  '司法局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '卫生健康局',
  '应急管理局',
  '审计局',
  '统计局',
  '医疗保障局',
  '水利局',
  '交通运输局',
  '自然资源局',
  '生态环境分局',
  '市场监督管理局',
  '行政审批服务局',
  '退役军人事务局',
  '城市管理局',
  '住房和城乡建设局',
  '人力资源和社会保障局',
  '发展和改革局',
];

export const OVERVIEW = [
  '坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实政府信息公开条例',
  '围绕中心工作，聚焦群众关切，扎实推进决策、执行、管理、服务、结果公开',
  '全年通过政府网站主动公开政府信息{n}条，其中政策文件{n}条，工作动态{n}条',
  '严格落实依申请公开办理流程，规范答复文书格式，确保依法按时答复',
  '动态更新政府信息公开目录和公开指南，完善信息发布审核机制',
  '严格执行保密审查制度，坚持先审查后公开，全年未发生失泄密事件',
  '优化政府网站信息公开专栏设置，及时调整栏目，确保内容准确完整',
  '加强政务新媒体管理，通过微信公众号发布信息{n}条，阅读量明显提升',
  '将政务公开工作纳入年度目标考核，明确分管领导和具体工作人员',
  '组织开展政务公开业务培训{n}次，参训人员{n}人次，业务能力不断提升',
  '积极回应社会关切，围绕重点工作开展政策解读{n}篇，形式包括图解和视频',
  '主动公开财政预决算、三公经费等信息，接受社会监督',
  '加强重点领域信息公开，及时发布安全生产、生态环境、食品药品等信息',
  '建立健全政务公开工作责任制，形成主要领导亲自抓、分管领导具体抓的格局',
  '积极开展政府开放日活动，邀请群众代表走进机关，增进理解和信任',
  '完善政策咨询服务，在政务服务大厅设置政策咨询窗口，解答群众疑问',
  '落实公开属性源头认定机制，公文起草时同步明确公开方式',
  '规范行政规范性文件管理，及时清理并公开现行有效文件目录',
  '推进基层政务公开标准化规范化建设，编制完善公开事项标准目录',
  '畅通依申请公开受理渠道，提供当面、信函、网络等多种申请方式',
];
export const PROBLEMS = [
  '信息公开的及时性有待提高，部分栏目更新不够及时',
  '政策解读形式较为单一，图解、视频等形式运用不多',
  '工作人员业务能力参差不齐，对公开条例的理解不够深入',
  '公开内容的深度和广度还需拓展，与群众期待仍有差距',
  '依申请公开答复的规范性仍需加强，文书格式不够统一',
  '政务新媒体互动回应不够及时，留言办理质量有待提升',
  '下一步将健全信息发布机制，明确责任分工，确保信息及时准确发布',
  '丰富政策解读形式，多运用图表图解、音频视频等方式开展解读',
  '加强业务培训，定期组织学习交流，提升工作人员业务水平',
  '拓展公开内容，围绕群众关切深化重点领域信息公开',
  '规范依申请公开办理，统一答复文书格式，提高答复质量',
  '加强政务新媒体管理，建立留言办理督办机制，及时回应关切',
  '强化监督考核，将政务公开纳入绩效考核，压实工作责任',
  '建立常态化自查机制，每月检查栏目更新情况并及时整改',
  '推进政务公开与政务服务融合，提升企业群众获取信息的便利度',
];

/** `count` sentences of `pool` in a random order, numbers filled in, the first naming the agency. */
export function paragraphs(
  pool: readonly string[],
  count: number,
  rnd: () => number,
  agency: string,
): string[] {
  const picked = [...pool].sort(() => rnd() - 0.5).slice(0, count);
  return picked.map(
    (s, i) =>
      `${i === 0 ? `${agency}` : ''}${s.replace(/\{n\}/g, () => String(1 + Math.floor(rnd() * 300)))}。`,
  );
}

export interface SyntheticCorpus {
  reports: ReportModel[];
  /** Planted copies: [copy id, original id, section]. */
  planted: [string, string, 'overview' | 'problems'][];
}

/** N reports of distinct agencies; every 25th copies section 五 (every 50th section 一) of an earlier one. */
export function syntheticCorpus(n: number, seed = 7): SyntheticCorpus {
  const rnd = mulberry32(seed);
  const reports: ReportModel[] = [];
  const planted: SyntheticCorpus['planted'] = [];
  for (let i = 0; i < n; i++) {
    const place = `${PLACES[i % PLACES.length]}${Math.floor(i / (PLACES.length * BODIES.length)) || ''}区`;
    const agency = `${place}${BODIES[Math.floor(i / PLACES.length) % BODIES.length]}`;
    const r = buildReport({ id: `s${i}`, agency, year: 2023 });
    setSectionText(r, 'overview', paragraphs(OVERVIEW, 10, rnd, agency));
    setSectionText(r, 'problems', paragraphs(PROBLEMS, 7, rnd, agency));
    reports.push(r);
  }
  const copy = (to: ReportModel, from: ReportModel, key: 'overview' | 'problems') => {
    const source = from.sections
      .find((s) => s.key === key)!
      .paragraphs.map((p) => p.text.split(from.agency!).join(to.agency!));
    source[0] = source[0]!.replace('有待提高', '还需提高').replace('指导', '引领');
    setSectionText(to, key, source);
    planted.push([to.id, from.id, key]);
  };
  for (let i = 25; i < n; i += 25) copy(reports[i]!, reports[i - 13]!, 'problems');
  for (let i = 50; i < n; i += 50) copy(reports[i - 1]!, reports[i - 31]!, 'overview');
  return { reports, planted };
}

/**
 * The worst realistic case: every agency filled in the same section 五 template, each with a few
 * edits of its own — one big cluster where every pair is a genuine candidate.
 */
export function templateCorpus(n: number, seed = 11): ReportModel[] {
  const rnd = mulberry32(seed);
  const reports = syntheticCorpus(n, seed).reports;
  const template = PROBLEMS.slice(0, 12).map((s) => `${s}。`);
  for (const r of reports) {
    const own = template.map((p) =>
      rnd() < 0.15 ? p.replace(/^(.{4})/, `$1${PLACES[Math.floor(rnd() * PLACES.length)]}`) : p,
    );
    setSectionText(r, 'problems', own);
  }
  return reports;
}

/** Milliseconds of wall-clock and of this process's CPU (user + system) spent in `run`. */
function timed<T>(run: () => T): { value: T; ms: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = run();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, ms, cpuMs: (c.user + c.system) / 1000 };
}

/** Runs the rule alone over the corpus through the engine; returns milliseconds and the found pairs. */
export function benchCopiedSection(n: number): {
  ms: number;
  cpuMs: number;
  found: [string, string, string][];
  planted: SyntheticCorpus['planted'];
} {
  const { reports, planted } = syntheticCorpus(n);
  const {
    value: byId,
    ms,
    cpuMs,
  } = timed(() => runRules(reports, undefined, [corpusCopiedSection]));
  const found: [string, string, string][] = [];
  for (const [id, list] of byId)
    for (const f of list) found.push([id, f.relatedReport ?? '', f.section ?? '']);
  return { ms, cpuMs, found, planted };
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);

if (process.argv[1] && /corpus-bench\.ts$/.test(process.argv[1])) {
  const args = process.argv.slice(2);
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 500);
  const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 1);
  for (let run = 0; run < runs; run++) {
    const { ms, cpuMs, found, planted } = benchCopiedSection(n);
    const expected = planted.length * 2;
    console.log(
      `corpus/copied-section: ${n} reports, ${seconds(ms)} s (CPU ${seconds(cpuMs)} s), ${found.length} findings (planted copies give ${expected}).`,
    );
  }
  // The shared-template case runs for minutes at 2,000 (every pair is a real copy): --no-template.
  if (!args.includes('--no-template')) {
    const reports = templateCorpus(n);
    const {
      value: byId,
      ms,
      cpuMs,
    } = timed(() => runRules(reports, undefined, [corpusCopiedSection]));
    const count = [...byId.values()].reduce((s, l) => s + l.length, 0);
    console.log(
      `corpus/copied-section, one shared section 五 template: ${n} reports, ${seconds(ms)} s (CPU ${seconds(cpuMs)} s), ${count} findings.`,
    );
  }
}
