/**
 * 设置 → 单位名单: the units that must report. Import a list file (importRoster), edit the units in
 * a table (name, kind, parent, aliases), save (setRoster), or clear it to go back to inferring the
 * units from the reports. Beside it, the names the reviewer has said mean a roster unit (aliases),
 * each removable.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Empty,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, ImportOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import type { AuditSettings, CoverageView } from '../../../shared/ipc';
import type { RosterUnit } from '../../../core/model/types';
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from '../../../core/model/glossary';
import { api, unwrap } from '../api';
import { useStore } from '../store';

interface Row extends RosterUnit {
  /** Stable row key while editing (ids of new rows are given by the main process on save). */
  key: string;
}

function toRows(units: readonly RosterUnit[]): Row[] {
  return units.map((u, i) => ({ ...u, aliases: [...u.aliases], key: `${u.id || 'n'}-${i}` }));
}

function fromRows(rows: readonly Row[]): RosterUnit[] {
  return rows
    .map(({ key: _key, ...u }) => ({
      ...u,
      name: u.name.trim(),
      parent: u.parent?.trim() ? u.parent.trim() : null,
      aliases: u.aliases.map((a) => a.trim()).filter(Boolean),
    }))
    .filter((u) => u.name.length > 0);
}

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

export function RosterEditor({
  settings,
  onSettingsChanged,
}: {
  settings: AuditSettings;
  onSettingsChanged: () => Promise<void>;
}): React.JSX.Element {
  const { run, refresh } = useStore();
  const [coverage, setCoverage] = useState<CoverageView | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [busy, setBusy] = useState<'import' | 'save' | 'clear' | null>(null);
  const [search, setSearch] = useState('');

  const apply = (c: CoverageView): void => {
    setCoverage(c);
    setRows(toRows(c.roster.units));
  };
  useEffect(() => {
    void run(() => unwrap(api().getCoverage())).then((c) => c && apply(c));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const saved = useMemo(
    () => JSON.stringify(fromRows(toRows(coverage?.roster.units ?? []))),
    [coverage],
  );
  const dirty = coverage !== null && JSON.stringify(fromRows(rows)) !== saved;
  const names = rows.map((r) => r.name.trim()).filter(Boolean);
  const duplicateNames = new Set(names.filter((n, i) => names.indexOf(n) !== i));
  const emptyNames = rows.filter((r) => !r.name.trim()).length;

  if (!coverage) return <Card loading size="small" />;
  const roster = coverage.roster;
  const update = (key: string, patch: Partial<RosterUnit>): void =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const q = search.trim();
  const shown = q
    ? rows.filter((r) => `${r.name}${r.parent ?? ''}${r.aliases.join('')}`.includes(q))
    : rows;
  const aliases = Object.entries(settings.aliases);

  const after = async (c: CoverageView | null | undefined): Promise<void> => {
    if (!c) return;
    apply(c);
    await refresh();
  };

  return (
    <div className="nb-roster" data-testid="roster-editor">
      <Card
        size="small"
        title={
          <Space size={8}>
            <span>单位名单</span>
            {roster.inferred ? (
              <Tag color="warning" data-testid="roster-editor-inferred">
                推断
              </Tag>
            ) : (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {roster.units.length} 个单位
                {roster.source ? `，来自 ${baseName(roster.source)}` : ''}
              </Typography.Text>
            )}
            {dirty ? (
              <Typography.Text type="warning" style={{ fontWeight: 'normal' }}>
                有未保存的更改
              </Typography.Text>
            ) : null}
          </Space>
        }
        extra={
          <Space size={8}>
            <Button
              icon={<ImportOutlined />}
              loading={busy === 'import'}
              data-testid="roster-import"
              onClick={async () => {
                setBusy('import');
                await after(await run(() => unwrap(api().importRoster())));
                setBusy(null);
              }}
            >
              导入名单文件
            </Button>
            <Button
              icon={<PlusOutlined />}
              onClick={() => {
                // A new unit needs an id of its own (the contract rejects an empty one), unique among the rows.
                const id = `n${Date.now().toString(36)}${rows.length}`;
                setRows((rs) => [
                  { key: id, id, name: '', kind: 'department', parent: null, aliases: [] },
                  ...rs,
                ]);
              }}
              data-testid="roster-add"
            >
              添加单位
            </Button>
            <Button disabled={!dirty} onClick={() => setRows(toRows(roster.units))}>
              放弃更改
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              disabled={!dirty || duplicateNames.size > 0}
              loading={busy === 'save'}
              data-testid="roster-save"
              onClick={async () => {
                setBusy('save');
                await after(await run(() => unwrap(api().setRoster({ units: fromRows(rows) }))));
                setBusy(null);
              }}
            >
              保存名单并重新审查
            </Button>
            {!roster.inferred ? (
              <Popconfirm
                title="清空单位名单？"
                description="清空后不再按名单核对报送情况，单位改为从已导入的报告推断（标为“推断”）。审查结论不受影响。"
                okText="清空"
                cancelText="取消"
                okButtonProps={{ danger: true }}
                onConfirm={async () => {
                  setBusy('clear');
                  await after(await run(() => unwrap(api().setRoster({ units: [] }))));
                  setBusy(null);
                }}
              >
                <Button danger loading={busy === 'clear'} data-testid="roster-clear">
                  清空名单
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        }
      >
        {roster.inferred ? (
          <Alert
            type="warning"
            showIcon
            className="nb-gap-xs"
            style={{ marginBottom: 10 }}
            title="尚未导入单位名单：下表是从已导入的报告推断出的单位。"
            description="推断的名单里只有交过报告的单位，所以无法发现一份也没交的单位。请导入本地区的应报单位名单（.xlsx / .csv / .txt，每行一个单位，可带“类别”“上级单位”“别名”列），或在下表基础上修改后保存为名单。"
          />
        ) : (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 10 }}>
            报送情况按此名单核对：名单上的单位某年度没有报告即为“未报”。报告中的单位名称按名称、别名以及去掉省市区前缀后的唯一匹配对应到名单。
          </Typography.Paragraph>
        )}
        {duplicateNames.size ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 8 }}
            title={`名单中有重名的单位：${[...duplicateNames].join('、')}。请合并或修改后再保存。`}
          />
        ) : null}
        {emptyNames ? (
          <Typography.Text type="secondary">
            有 {emptyNames} 行未填写单位名称，保存时将忽略。
          </Typography.Text>
        ) : null}
        <Space size={8} style={{ marginBottom: 8 }}>
          <Input.Search
            allowClear
            placeholder="查找单位"
            style={{ width: 220 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <Typography.Text type="secondary">
            {q ? `显示 ${shown.length} / ${rows.length} 个单位` : `共 ${rows.length} 个单位`}
          </Typography.Text>
        </Space>
        <Table<Row>
          size="small"
          rowKey="key"
          className="nb-roster-table"
          data-testid="roster-table"
          dataSource={shown}
          pagination={
            shown.length > 50 ? { pageSize: 50, size: 'small', showSizeChanger: false } : false
          }
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="名单为空" />,
          }}
          columns={[
            {
              title: '序号',
              key: 'n',
              width: 56,
              align: 'center',
              render: (_, r) => rows.indexOf(r) + 1,
            },
            {
              title: '单位名称',
              key: 'name',
              render: (_, r) => (
                <Input
                  size="small"
                  value={r.name}
                  placeholder="单位全称，如：淮安市洪泽区人民政府"
                  status={!r.name.trim() || duplicateNames.has(r.name.trim()) ? 'error' : undefined}
                  onChange={(e) => update(r.key, { name: e.target.value })}
                  aria-label="单位名称"
                  data-testid="roster-name"
                />
              ),
            },
            {
              title: '类别',
              key: 'kind',
              width: 120,
              render: (_, r) => (
                <Select<UnitKind>
                  size="small"
                  style={{ width: '100%' }}
                  value={r.kind}
                  onChange={(v) => update(r.key, { kind: v })}
                  options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))}
                  aria-label="类别"
                />
              ),
            },
            {
              title: '上级单位',
              key: 'parent',
              width: 200,
              render: (_, r) => (
                <Input
                  size="small"
                  value={r.parent ?? ''}
                  placeholder="可不填"
                  onChange={(e) => update(r.key, { parent: e.target.value || null })}
                  aria-label="上级单位"
                />
              ),
            },
            {
              title: '别名（曾用名、简称；输入后按回车）',
              key: 'aliases',
              width: 320,
              render: (_, r) => (
                <Select<string[]>
                  size="small"
                  mode="tags"
                  style={{ width: '100%' }}
                  value={r.aliases}
                  open={false}
                  suffixIcon={null}
                  tokenSeparators={['、', '，', ',']}
                  placeholder="可不填"
                  onChange={(v) => update(r.key, { aliases: v })}
                  aria-label="别名"
                />
              ),
            },
            {
              title: '',
              key: 'op',
              width: 44,
              render: (_, r) => (
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`删除 ${r.name}`}
                  title="删除该单位"
                  onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                />
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        className="nb-gap-sm"
        title={`审查人员确认的单位别名（${aliases.length}）`}
        data-testid="reviewer-aliases"
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          在“报送情况”中点“是同一单位”，或在“审查规则与时限”页的“单位别名”中添加的对应关系。删除后立即重新审查。
        </Typography.Paragraph>
        {aliases.length === 0 ? (
          <Typography.Text type="secondary">尚无。</Typography.Text>
        ) : (
          aliases.map(([alias, unit]) => (
            <div key={alias} className="nb-alias-item" data-testid="reviewer-alias">
              <span>
                {alias} <span className="nb-muted">→</span> {unit}
              </span>
              <Popconfirm
                title="删除这条别名？"
                description={`报告中写作“${alias}”的将不再对应到“${unit}”。`}
                okText="删除"
                cancelText="取消"
                okButtonProps={{ danger: true }}
                onConfirm={async () => {
                  const s = await run(async () => {
                    const fresh = await unwrap(api().getSettings());
                    const rest = { ...fresh.aliases };
                    delete rest[alias];
                    return unwrap(api().setSettings({ ...fresh, aliases: rest }));
                  });
                  if (s) {
                    await onSettingsChanged();
                    await after(await run(() => unwrap(api().getCoverage())));
                  }
                }}
              >
                <Button
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={`删除别名 ${alias}`}
                />
              </Popconfirm>
            </div>
          ))
        )}
      </Card>
    </div>
  );
}
