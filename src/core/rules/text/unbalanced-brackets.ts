/**
 * rules.md, Text quality: `text/unbalanced-brackets` (warning) — "（）〔〕《》“” or ()[] pairs
 * do not balance within a sentence".
 *
 * Each paragraph is scanned with a stack of open brackets. Every pair is its own kind, so a
 * full-width opener closed by a half-width closer (seed 003's 「（三)」) does not balance. Nesting of
 * different kinds is fine (《关于印发〈…〉的通知》, “…（…）…”); the ASCII < > of 《…<…>…》 are not
 * brackets here. A closer whose opener is buried under other openers closes it and reports the
 * openers above it as unclosed (「〔202130号)」: the 〔 is unclosed). A closer with no opener at all
 * is a stray closer, except a list label such as 「1）」「a)」 opening a clause. Whatever is still
 * open at the end of the paragraph is unclosed. At most one finding per sentence; the quote is a
 * short window around the offending bracket, highlighted in the paragraph where it stands.
 *
 * Hard-wrapped text (plain text from a PDF, one printed line per paragraph) breaks sentences and
 * their brackets over paragraphs: 「（地址：…90」 / 「号，邮编…」 / 「…@126.com）。」. Open brackets are
 * therefore carried into the next paragraph when a paragraph does not end a sentence (。！？) and
 * the next one belongs to the same section; they are reported when a sentence end, a section
 * change or a carry of more than MAX_CARRY paragraphs comes first.
 */
import {
  clauseWindow,
  isPageChrome,
  paragraphPlace,
  reportParagraphs,
  sentenceRanges,
} from '../util/text';
import type { Draft, ReportRule } from '../types';

const PAIRS: Record<string, string> = {
  '（': '）',
  '(': ')',
  '〔': '〕',
  '[': ']',
  '［': '］',
  '【': '】',
  '《': '》',
  '〈': '〉',
  '“': '”',
  '‘': '’',
};
const CLOSERS = new Map(Object.entries(PAIRS).map(([open, close]) => [close, open]));
/** The same bracket in the other width: a 「（」 closed by 「)」 is a width mix, worth saying so. */
const TWIN: Record<string, string> = {
  '（': '(',
  '(': '（',
  '）': ')',
  ')': '）',
  '[': '［',
  '［': '[',
  ']': '］',
  '］': ']',
};

/** A closer right after a clause-opening list label: 「1）」, 「a)」, 「一)」. */
function isListLabel(text: string, i: number): boolean {
  const before = text.slice(0, i);
  return /(?:^|[\s，。；：、,;:])(?:\d{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,2})$/.test(before);
}

/** A parenthesis wrapped over more lines than this is reported as unclosed. */
export const MAX_CARRY = 4;

export interface BracketIssue {
  /** Index into the paragraphs given to bracketIssues. */
  paragraph: number;
  index: number;
  char: string;
  kind: 'unclosed' | 'stray';
}

interface Open {
  char: string;
  paragraph: number;
  index: number;
}

/** Offending brackets of a run of paragraphs (see the header for the carry-over), in text order. */
export function bracketIssues(
  paragraphs: readonly { text: string; section?: string }[],
): BracketIssue[] {
  const issues: BracketIssue[] = [];
  let stack: Open[] = [];
  const unclosed = (o: Open) =>
    issues.push({ paragraph: o.paragraph, index: o.index, char: o.char, kind: 'unclosed' });
  paragraphs.forEach((p, n) => {
    const text = p.text;
    for (let i = 0; i < text.length; i++) {
      const c = text[i] ?? '';
      if (PAIRS[c] !== undefined) {
        stack.push({ char: c, paragraph: n, index: i });
        continue;
      }
      const opener = CLOSERS.get(c);
      if (opener === undefined) continue;
      let depth = stack.length - 1;
      while (depth >= 0 && stack[depth]?.char !== opener) depth--;
      if (depth < 0) {
        if (!isListLabel(text, i)) issues.push({ paragraph: n, index: i, char: c, kind: 'stray' });
        continue;
      }
      for (const open of stack.splice(depth)) if (open.char !== opener) unclosed(open);
    }
    const next = paragraphs[n + 1];
    const sentenceEnds = /[。！？!?]\s*$/.test(text);
    const carry = next !== undefined && !sentenceEnds && next.section === p.section;
    const kept: Open[] = [];
    for (const open of stack) {
      if (carry && n + 1 - open.paragraph <= MAX_CARRY) kept.push(open);
      else unclosed(open);
    }
    stack = kept;
  });
  return issues.sort((a, b) => a.paragraph - b.paragraph || a.index - b.index);
}

export const textUnbalancedBrackets: ReportRule = {
  meta: {
    id: 'text/unbalanced-brackets',
    severity: 'warning',
    title: '括号或引号不配对',
    description:
      '（）〔〕《》“”及半角()[]等成对符号应在句内配对；缺少一半或全角、半角混用（如“（三)”）时报告。',
  },
  scope: 'report',
  check({ report }) {
    const out: Draft[] = [];
    const paragraphs = reportParagraphs(report).filter((p) => !isPageChrome(p.text));
    const reported = new Set<string>();
    for (const issue of bracketIssues(paragraphs)) {
      const p = paragraphs[issue.paragraph];
      if (!p) continue;
      const sentences = sentenceRanges(p.text);
      const sentence = sentences.findIndex((s) => issue.index >= s.start && issue.index < s.end);
      const key = `${issue.paragraph}:${sentence}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const w = clauseWindow(p.text, issue.index, issue.index + 1);
      const quote = p.text.slice(w.start, w.end);
      const partner =
        issue.kind === 'unclosed' ? (PAIRS[issue.char] ?? '') : (CLOSERS.get(issue.char) ?? '');
      const range = sentences[sentence];
      const sentenceText = range ? p.text.slice(range.start, range.end) : p.text;
      const twin = TWIN[partner];
      const mixed =
        twin !== undefined && sentenceText.includes(twin) ? '（全角与半角符号不能混用）' : '';
      out.push({
        ...(p.section ? { section: p.section } : {}),
        quote,
        pos: { ...p.pos, start: w.start, end: w.end },
        message: `${paragraphPlace(report, p)}中「${quote}」处括号或引号不配对：「${issue.char}」缺少对应的「${partner}」${mixed}。`,
      });
    }
    return out;
  },
};
