/** Small presentational helpers shared by the screens: severity and review-status tags. */
import { Tag } from 'antd';
import { REVIEW_STATUS_LABELS, SEVERITY_LABELS } from '../../core/model/glossary';
import type { ReviewStatus, Severity } from '../../core/model/glossary';

export const SEVERITY_COLORS: Record<Severity, string> = {
  error: 'red',
  warning: 'orange',
  info: 'blue',
};
export const SEVERITY_HEX: Record<Severity, string> = {
  error: '#cf1322',
  warning: '#d46b08',
  info: '#1677ff',
};

export function SeverityTag({ severity }: { severity: Severity }): React.JSX.Element {
  return (
    <Tag color={SEVERITY_COLORS[severity]} className="nb-sev-tag" variant="filled">
      {SEVERITY_LABELS[severity]}
    </Tag>
  );
}

const STATUS_COLORS: Record<ReviewStatus, string> = {
  pending: 'default',
  confirmed: 'volcano',
  dismissed: 'green',
};

export function StatusTag({ status }: { status: ReviewStatus }): React.JSX.Element {
  return (
    <Tag color={STATUS_COLORS[status]} variant="outlined">
      {REVIEW_STATUS_LABELS[status]}
    </Tag>
  );
}

/** yyyy-mm-dd hh:mm; with `short`, only hh:mm for today. */
export function formatTime(iso: string | null, short = false): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (short && d.toDateString() === new Date().toDateString())
    return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
