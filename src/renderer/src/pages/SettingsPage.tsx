/**
 * 设置: rules on and off, severities, publication deadlines, agency aliases (saving re-runs the rules,
 * decisions kept); the 单位名单 tab, the roster editor with its own save; the letters' and briefing's
 * wording (saved on its own).
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Input,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { AuditSettings, RuleInfo } from '../../../shared/ipc';
import type { Severity } from '../../../core/model/types';
import { RULE_GROUP_LABELS, SEVERITIES, SEVERITY_LABELS } from '../../../core/model/glossary';
import { api, unwrap } from '../api';
import { useStore } from '../store';
import { SeverityTag } from '../labels';
import { DocumentSettingsCard } from '../components/DocumentSettingsCard';
import { useViewportHeight } from '../lib/useViewport';
import { RosterEditor } from '../components/RosterEditor';

const MM_DD = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
// Rule groups are named once, in the glossary (the briefing and the letters use the same words).
const GROUP_LABELS = RULE_GROUP_LABELS;

interface AliasRow {
  id: number;
  alias: string;
  canonical: string;
}

export function SettingsPage(): React.JSX.Element {
  const { run, refresh } = useStore();
  const [rules, setRules] = useState<RuleInfo[]>([]);
  const [saved, setSaved] = useState<AuditSettings | null>(null);
  const [draft, setDraft] = useState<AuditSettings | null>(null);
  const [aliases, setAliases] = useState<AliasRow[]>([]);
  const [saving, setSaving] = useState(false);
  const [tab, setTab] = useState<'rules' | 'roster'>('rules');
  const vh = useViewportHeight();

  const load = async (): Promise<void> => {
    const [c, s] = await Promise.all([
      run(() => unwrap(api().catalogue())),
      run(() => unwrap(api().getSettings())),
    ]);
    if (c) setRules(c);
    if (s) {
      setSaved(s);
      setDraft(s);
      setAliases(
        Object.entries(s.aliases).map(([alias, canonical], i) => ({ id: i, alias, canonical })),
      );
    }
  };
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const aliasRecord = useMemo(() => {
    const out: Record<string, string> = {};
    for (const a of aliases)
      if (a.alias.trim() && a.canonical.trim()) out[a.alias.trim()] = a.canonical.trim();
    return out;
  }, [aliases]);

  if (!draft || !saved) return <Card loading />;

  const deadlineErr =
    !MM_DD.test(draft.deadlines.department) || !MM_DD.test(draft.deadlines.government);
  const next: AuditSettings = { ...draft, aliases: aliasRecord };
  const dirty = JSON.stringify(next) !== JSON.stringify(saved);

  const setSeverity = (id: string, sev: Severity, def: Severity): void => {
    const severities = { ...draft.severities };
    if (sev === def) delete severities[id];
    else severities[id] = sev;
    setDraft({ ...draft, severities });
  };
  const setEnabled = (id: string, on: boolean): void => {
    const disabled = on ? draft.disabled.filter((d) => d !== id) : [...draft.disabled, id];
    setDraft({ ...draft, disabled });
  };

  return (
    <div className="nb-settings">
      <div className="nb-settings-bar">
        <Typography.Title level={4} className="nb-title" style={{ margin: 0 }}>
          设置
        </Typography.Title>
        <Space style={{ visibility: tab === 'rules' ? 'visible' : 'hidden' }}>
          {dirty ? <Typography.Text type="warning">有未应用的更改</Typography.Text> : null}
          <Button disabled={!dirty} onClick={() => void load()}>
            放弃更改
          </Button>
          <Button
            type="primary"
            disabled={!dirty || deadlineErr}
            loading={saving}
            data-testid="settings-save"
            onClick={async () => {
              setSaving(true);
              // The roster, version choices and aliases accepted elsewhere may have changed since this
              // page loaded: send this page's fields over the current settings, never a stale copy.
              const s = await run(async () => {
                const fresh = await unwrap(api().getSettings());
                return unwrap(
                  api().setSettings({
                    ...fresh,
                    disabled: next.disabled,
                    severities: next.severities,
                    deadlines: next.deadlines,
                    aliases: next.aliases,
                  }),
                );
              });
              setSaving(false);
              if (s) {
                setSaved(s);
                setDraft(s);
                await refresh();
                const c = await run(() => unwrap(api().catalogue()));
                if (c) setRules(c);
              }
            }}
          >
            应用并重新审查
          </Button>
        </Space>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          if (k === 'rules' || k === 'roster') setTab(k);
        }}
        size="small"
        className="nb-settings-tabs"
        items={[
          {
            key: 'rules',
            label: '审查规则与时限',
            children: (
              <div className="nb-settings-grid">
                <Card size="small" title="审查规则" className="nb-settings-rules">
                  <Table<RuleInfo>
                    size="small"
                    rowKey="id"
                    pagination={false}
                    virtual
                    scroll={{ y: Math.max(300, vh - 296) }}
                    dataSource={rules}
                    columns={[
                      {
                        title: '启用',
                        key: 'on',
                        width: 64,
                        render: (_, r) => (
                          <Switch
                            size="small"
                            checked={!draft.disabled.includes(r.id)}
                            onChange={(v) => setEnabled(r.id, v)}
                            aria-label={`启用 ${r.title}`}
                          />
                        ),
                      },
                      {
                        title: '规则',
                        key: 'title',
                        render: (_, r) => (
                          <div
                            className={draft.disabled.includes(r.id) ? 'nb-rule-off' : undefined}
                          >
                            <div>
                              <b>{r.title}</b>{' '}
                              <Tag className="nb-tag-tight">
                                {GROUP_LABELS[r.id.split('/')[0] ?? ''] ?? r.id.split('/')[0]}
                              </Tag>{' '}
                              <span className="nb-rule-id">{r.id}</span>
                            </div>
                            <Typography.Text
                              type="secondary"
                              className="nb-rule-desc"
                              title={r.description}
                            >
                              {r.description}
                            </Typography.Text>
                          </div>
                        ),
                      },
                      {
                        title: '严重程度',
                        key: 'sev',
                        width: 150,
                        render: (_, r) => (
                          <Space size={4}>
                            <Select<Severity>
                              size="small"
                              style={{ width: 80 }}
                              value={draft.severities[r.id] ?? r.severity}
                              onChange={(v) => setSeverity(r.id, v, r.severity)}
                              options={SEVERITIES.map((s) => ({
                                value: s,
                                label: SEVERITY_LABELS[s],
                              }))}
                            />
                            {draft.severities[r.id] && draft.severities[r.id] !== r.severity ? (
                              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                默认 <SeverityTag severity={r.severity} />
                              </Typography.Text>
                            ) : null}
                          </Space>
                        ),
                      },
                    ]}
                  />
                </Card>
                <div className="nb-settings-side">
                  <Card size="small" title="公开时限">
                    <Space orientation="vertical" size={10} style={{ width: '100%' }}>
                      <Typography.Text type="secondary">
                        报告年度次年的截止日期（月-日）。条例规定：部门 1月31日，人民政府
                        3月31日；乡镇、街道按本地通知设置。
                      </Typography.Text>
                      <Space>
                        <span className="nb-field-label">部门</span>
                        <Input
                          style={{ width: 110 }}
                          value={draft.deadlines.department}
                          status={MM_DD.test(draft.deadlines.department) ? undefined : 'error'}
                          onChange={(e) =>
                            setDraft({
                              ...draft,
                              deadlines: { ...draft.deadlines, department: e.target.value.trim() },
                            })
                          }
                          placeholder="01-31"
                        />
                      </Space>
                      <Space>
                        <span className="nb-field-label">人民政府</span>
                        <Input
                          style={{ width: 110 }}
                          value={draft.deadlines.government}
                          status={MM_DD.test(draft.deadlines.government) ? undefined : 'error'}
                          onChange={(e) =>
                            setDraft({
                              ...draft,
                              deadlines: { ...draft.deadlines, government: e.target.value.trim() },
                            })
                          }
                          placeholder="03-31"
                        />
                      </Space>
                      {deadlineErr ? (
                        <Alert type="error" showIcon title="请按“月-日”格式填写，例如 01-31。" />
                      ) : null}
                    </Space>
                  </Card>
                  <Card
                    size="small"
                    title="单位别名"
                    className="nb-gap-sm"
                    extra={
                      <Button
                        size="small"
                        icon={<PlusOutlined />}
                        onClick={() =>
                          setAliases([...aliases, { id: Date.now(), alias: '', canonical: '' }])
                        }
                      >
                        添加
                      </Button>
                    }
                  >
                    <Typography.Paragraph type="secondary">
                      单位改名或写法不一时（如“区工信局”与“区工业和信息化局”），在此把别名对应到标准名称，便于跨年度对比。
                    </Typography.Paragraph>
                    {aliases.length === 0 ? (
                      <Typography.Text type="secondary">尚未设置别名。</Typography.Text>
                    ) : null}
                    {aliases.map((a) => (
                      <div key={a.id} className="nb-alias-row">
                        <Input
                          size="small"
                          placeholder="别名（报告中的写法）"
                          value={a.alias}
                          onChange={(e) =>
                            setAliases(
                              aliases.map((x) =>
                                x.id === a.id ? { ...x, alias: e.target.value } : x,
                              ),
                            )
                          }
                        />
                        <span>→</span>
                        <Input
                          size="small"
                          placeholder="标准名称"
                          value={a.canonical}
                          onChange={(e) =>
                            setAliases(
                              aliases.map((x) =>
                                x.id === a.id ? { ...x, canonical: e.target.value } : x,
                              ),
                            )
                          }
                        />
                        <Button
                          size="small"
                          type="text"
                          icon={<DeleteOutlined />}
                          aria-label="删除"
                          onClick={() => setAliases(aliases.filter((x) => x.id !== a.id))}
                        />
                      </div>
                    ))}
                  </Card>
                  <DocumentSettingsCard />
                </div>
              </div>
            ),
          },
          {
            key: 'roster',
            label: <span data-testid="settings-tab-roster">单位名单</span>,
            children: <RosterEditor settings={saved} onSettingsChanged={load} />,
          },
        ]}
      />
    </div>
  );
}
