/**
 * 设置 → 审查意见与通报: the issuing office, titles, opening and closing wording, deadline and issue
 * date of the letters and the briefing. Saved on its own (no re-audit: the findings do not change).
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import {
  DEFAULT_DOCUMENT_SETTINGS,
  DEFAULT_DEADLINE_DAYS,
  type DocumentSettings,
} from '../../../core/export/documents/settings';
import { api, unwrap } from '../api';
import { useStore } from '../store';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const TEXT_FIELDS: {
  key: Exclude<keyof DocumentSettings, 'deadline' | 'issueDate'>;
  label: string;
  rows?: number;
  hint?: string;
}[] = [
  { key: 'office', label: '发文机关' },
  { key: 'letterTitle', label: '审查意见标题', hint: '{单位} {年度}' },
  { key: 'letterOpening', label: '审查意见开头', rows: 4, hint: '{单位} {年度} {报告} {文件}' },
  { key: 'letterClosing', label: '审查意见结尾', rows: 3, hint: '{期限} {发文机关}' },
  { key: 'briefingTitle', label: '通报标题', hint: '{年度}' },
  { key: 'briefingClosing', label: '通报工作要求', rows: 3, hint: '{期限}' },
];

export function DocumentSettingsCard(): React.JSX.Element {
  const { run } = useStore();
  const [saved, setSaved] = useState<DocumentSettings | null>(null);
  const [draft, setDraft] = useState<DocumentSettings | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void run(() => unwrap(api().getDocumentSettings())).then((s) => {
      if (s) {
        setSaved(s);
        setDraft(s);
      }
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!draft || !saved)
    return <Card size="small" loading title="审查意见与通报" className="nb-gap-sm" />;
  const dateErr = [draft.deadline, draft.issueDate].some((d) => d !== '' && !ISO_DATE.test(d));
  const emptyErr = TEXT_FIELDS.some((f) => !draft[f.key].trim());
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);

  return (
    <Card
      size="small"
      title="审查意见与通报"
      className="nb-gap-sm"
      data-testid="document-settings"
      extra={
        <Space size={4}>
          <Button size="small" onClick={() => setDraft({ ...DEFAULT_DOCUMENT_SETTINGS })}>
            恢复默认
          </Button>
          <Button
            size="small"
            type="primary"
            disabled={!dirty || dateErr || emptyErr}
            loading={saving}
            data-testid="document-settings-save"
            onClick={async () => {
              setSaving(true);
              const s = await run(() => unwrap(api().setDocumentSettings(draft)));
              setSaving(false);
              if (s) {
                setSaved(s);
                setDraft(s);
              }
            }}
          >
            保存
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          导出审查意见和情况通报时使用。花括号中的占位符会替换为实际内容。
        </Typography.Text>
        {TEXT_FIELDS.map((f) => (
          <div key={f.key}>
            <div className="nb-doc-label">
              {f.label}
              {f.hint ? <Typography.Text type="secondary"> · 可用 {f.hint}</Typography.Text> : null}
            </div>
            {f.rows ? (
              <Input.TextArea
                rows={f.rows}
                value={draft[f.key]}
                status={draft[f.key].trim() ? undefined : 'error'}
                onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
                data-testid={`doc-${f.key}`}
              />
            ) : (
              <Input
                value={draft[f.key]}
                status={draft[f.key].trim() ? undefined : 'error'}
                onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
                data-testid={`doc-${f.key}`}
              />
            )}
          </div>
        ))}
        <Space wrap>
          <span className="nb-field-label">整改期限</span>
          <Input
            style={{ width: 130 }}
            placeholder={`发文后 ${DEFAULT_DEADLINE_DAYS} 天`}
            value={draft.deadline}
            status={draft.deadline === '' || ISO_DATE.test(draft.deadline) ? undefined : 'error'}
            onChange={(e) => setDraft({ ...draft, deadline: e.target.value.trim() })}
            data-testid="doc-deadline"
          />
          <span className="nb-field-label">发文日期</span>
          <Input
            style={{ width: 130 }}
            placeholder="导出当天"
            value={draft.issueDate}
            status={draft.issueDate === '' || ISO_DATE.test(draft.issueDate) ? undefined : 'error'}
            onChange={(e) => setDraft({ ...draft, issueDate: e.target.value.trim() })}
            data-testid="doc-issueDate"
          />
        </Space>
        {dateErr ? (
          <Alert type="error" showIcon title="日期请按“年-月-日”填写，例如 2025-04-30，或留空。" />
        ) : null}
        {emptyErr ? (
          <Alert type="error" showIcon title="发文机关、标题和正文模板都不能为空。" />
        ) : null}
      </Space>
    </Card>
  );
}
