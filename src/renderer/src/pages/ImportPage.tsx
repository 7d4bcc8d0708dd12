/**
 * 导入: files, a folder, or drag and drop; progress with counts; failures listed while the batch goes
 * on; files skipped (not a report, the tool's own output, unsupported) listed with their reason,
 * office clutter (Thumbs.db, ~$ lock files) only counted.
 */
import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Collapse,
  Empty,
  Progress,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { FileAddOutlined, FolderAddOutlined, InboxOutlined } from '@ant-design/icons';
import type { FileFailure, SkippedFile } from '../../../core/model/types';
import { SKIP_REASONS, SKIP_REASON_LABELS, type SkipReason } from '../../../core/model/glossary';
import type { ImportResult, ProgressEvent } from '../../../shared/ipc';
import { api, unwrap } from '../api';
import { useStore } from '../store';

/**
 * What the progress card says: reading counts files; after it, the service names each step
 * (ProgressEvent.step) and, within a long one, its share done (ProgressEvent.fraction).
 */
function progressText(p: ProgressEvent): string {
  if (p.phase === 'read') return `正在读取报告：已读取 ${p.done} / ${p.total} 个文件`;
  if (p.phase === 'done') return `已完成：共处理 ${p.total} 个文件`;
  // A long rule's own share of its work: 正在比对跨单位报告（雷同检查）… 45%.
  const share = p.fraction !== undefined ? ` ${Math.floor(p.fraction * 100)}%` : '';
  const step = `${p.step ?? '正在审查…'}${share}`;
  return p.total > 1 ? `${step}（已完成 ${p.done} / ${p.total} 项检查）` : step;
}

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

const SKIP_COLORS: Record<SkipReason, string> = {
  'not-a-report': 'orange',
  'own-output': 'blue',
  unsupported: 'default',
  clutter: 'default',
};

/** Skipped files of the last import: each with its reason, except clutter, which is only counted. */
function SkippedCard({ skipped }: { skipped: readonly SkippedFile[] }): React.JSX.Element | null {
  if (skipped.length === 0) return null;
  const listed = skipped.filter((f) => f.reason !== 'clutter');
  const clutter = skipped.filter((f) => f.reason === 'clutter');
  return (
    <Card
      size="small"
      className="nb-gap"
      title={`已跳过的文件（${skipped.length}）`}
      data-testid="skipped-card"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        这些文件没有作为年度报告审查，也不计入报送情况。如果其中确有年度报告，请检查文件内容（标题应为“政府信息公开工作年度报告”）或另存为受支持的格式后重新导入。
      </Typography.Paragraph>
      {listed.length ? (
        <Table<SkippedFile>
          size="small"
          rowKey={(f) => f.file}
          dataSource={listed}
          pagination={listed.length > 10 ? { pageSize: 10, size: 'small' } : false}
          data-testid="skipped-table"
          columns={[
            {
              title: '文件',
              dataIndex: 'file',
              width: '34%',
              render: (f: string) => <span title={f}>{baseName(f)}</span>,
            },
            {
              title: '原因',
              dataIndex: 'reason',
              width: 170,
              render: (r: SkipReason) => (
                <Tag color={SKIP_COLORS[r]} data-testid="skip-reason">
                  {SKIP_REASON_LABELS[r]}
                </Tag>
              ),
            },
            { title: '说明', dataIndex: 'message' },
          ]}
        />
      ) : null}
      {clutter.length ? (
        <Collapse
          size="small"
          ghost
          className="nb-gap-sm"
          data-testid="skipped-clutter"
          items={[
            {
              key: 'c',
              label: `另有 ${clutter.length} 个${SKIP_REASON_LABELS.clutter}（如 Thumbs.db、~$ 开头的临时文件）已忽略`,
              children: (
                <Typography.Text type="secondary">
                  {clutter.map((f) => baseName(f.file)).join('、')}
                </Typography.Text>
              ),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}

export function ImportPage(): React.JSX.Element {
  const { state, reports, run, refresh, go } = useStore();
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragOver, setDragOver] = useState(false);

  useEffect(() => api().onProgress(setProgress), []);

  const doImport = async (fn: () => Promise<ImportResult>): Promise<void> => {
    setBusy(true);
    setProgress(null);
    const r = await run(fn);
    setBusy(false);
    if (r && !r.cancelled) setResult(r);
    await refresh();
  };

  const onDrop = (e: React.DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setDragOver(false);
    const paths = Array.from(e.dataTransfer.files)
      .map((f) => api().getPathForFile(f))
      .filter((p) => p.length > 0);
    if (paths.length === 0) return;
    void doImport(() => unwrap(api().importPaths({ paths })));
  };

  const failures: FileFailure[] = result?.failures ?? [];
  const allFailures = state?.failures ?? [];
  const percent =
    progress && progress.total > 0
      ? Math.round(((progress.done + (progress.fraction ?? 0)) / progress.total) * 100)
      : 0;

  return (
    <div className="nb-page-narrow">
      <Typography.Title level={4} className="nb-title">
        导入报告
      </Typography.Title>
      <Card size="small">
        <div
          className={`nb-drop${dragOver ? ' nb-drop-over' : ''}`}
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragOver(true);
          }}
          onDragLeave={() => setDragOver(false)}
          onDrop={onDrop}
        >
          <InboxOutlined className="nb-drop-icon" />
          <div className="nb-drop-text">将报告文件或文件夹拖到这里</div>
          <div className="nb-drop-hint">
            支持 Word（.docx / .doc）、WPS（.wps /
            .et）、PDF（.pdf，须含文字，扫描件无法读取）、Excel（.xlsx / .xls）、网页（.html / .htm
            / .mht）、文本（.txt / .md）；文件按实际内容读取，文件夹会连同子文件夹一起读取。
          </div>
          <Space size={12} style={{ marginTop: 16 }}>
            <Button
              type="primary"
              icon={<FileAddOutlined />}
              loading={busy}
              onClick={() => void doImport(() => unwrap(api().importFiles({ kind: 'files' })))}
              data-testid="import-files"
            >
              选择文件
            </Button>
            <Button
              icon={<FolderAddOutlined />}
              disabled={busy}
              onClick={() => void doImport(() => unwrap(api().importFiles({ kind: 'folder' })))}
              data-testid="import-folder"
            >
              选择文件夹
            </Button>
            {state?.samplesAvailable ? (
              <Button
                type="link"
                disabled={busy}
                onClick={() => void doImport(() => unwrap(api().openSamples()))}
                data-testid="open-samples"
              >
                打开示例报告
              </Button>
            ) : null}
          </Space>
        </div>
      </Card>

      {(busy || progress) && (
        <Card size="small" className="nb-gap" data-testid="import-progress">
          <Space orientation="vertical" style={{ width: '100%' }} size={4}>
            <Typography.Text>{progress ? progressText(progress) : '正在准备…'}</Typography.Text>
            <Progress
              percent={progress?.phase === 'done' ? 100 : percent}
              status={busy ? 'active' : 'normal'}
            />
            {progress?.file ? (
              <Typography.Text type="secondary" ellipsis>
                {baseName(progress.file)}
              </Typography.Text>
            ) : null}
          </Space>
        </Card>
      )}

      {result && (
        <Card size="small" className="nb-gap" title="本次导入结果" data-testid="import-result">
          <Space size={24} wrap>
            <span>
              新增 <b data-testid="count-added">{result.added.length}</b> 份
            </span>
            <span>
              更新 <b>{result.updated.length}</b> 份
              {result.updated.length ? '（审查结论已保留）' : ''}
            </span>
            <span>
              未变化 <b>{result.unchanged.length}</b> 份
            </span>
            <span className={failures.length ? 'nb-text-error' : undefined}>
              失败 <b data-testid="count-failed">{failures.length}</b> 个
            </span>
            {result.skipped.length ? (
              <a
                data-testid="count-skipped"
                onClick={() =>
                  document
                    .querySelector('[data-testid="skipped-card"]')
                    ?.scrollIntoView({ behavior: 'smooth', block: 'start' })
                }
              >
                跳过 <b>{result.skipped.length}</b> 个（
                {SKIP_REASONS.map(
                  (k) => [k, result.skipped.filter((f) => f.reason === k).length] as const,
                )
                  .filter(([, n]) => n > 0)
                  .map(([k, n]) => `${SKIP_REASON_LABELS[k]} ${n}`)
                  .join('，')}
                ）
              </a>
            ) : null}
          </Space>
          {(() => {
            const added = new Set(result.added);
            const mine = reports.filter((r) => added.has(r.id));
            const copies = mine.filter((r) => r.duplicateOf !== null).length;
            const others = mine.filter((r) => r.duplicateOf === null && !r.current).length;
            if (!copies && !others) return null;
            return (
              <Typography.Paragraph
                type="secondary"
                style={{ margin: '8px 0 0' }}
                data-testid="import-versions"
              >
                其中{copies ? ` ${copies} 份与另一份文件内容完全相同（重复文件，只计一次）` : ''}
                {copies && others ? '，' : ''}
                {others
                  ? ` ${others} 份是同一单位同一年度的其他版本（按文件修改时间等规则选定当前版本，可在“审查”中更换）`
                  : ''}
                。
              </Typography.Paragraph>
            );
          })()}
          {result.added.length + result.updated.length > 0 && (
            <div style={{ marginTop: 12 }}>
              <Button type="primary" onClick={() => go('overview')}>
                查看总览
              </Button>
            </div>
          )}
        </Card>
      )}

      <SkippedCard skipped={result?.skipped ?? state?.skipped ?? []} />

      <Card
        size="small"
        className="nb-gap"
        title={`无法读取的文件${allFailures.length ? `（${allFailures.length}）` : ''}`}
      >
        {allFailures.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有读取失败的文件" />
        ) : (
          <>
            <Alert
              type="warning"
              showIcon
              className="nb-gap-sm"
              title="以下文件未能读取，其余文件已照常导入。请检查文件是否损坏、加密或另存为受支持的格式后重新导入。"
            />
            <Table<FileFailure>
              size="small"
              rowKey={(f) => f.file}
              dataSource={allFailures}
              pagination={allFailures.length > 10 ? { pageSize: 10, size: 'small' } : false}
              data-testid="failure-table"
              columns={[
                {
                  title: '文件',
                  dataIndex: 'file',
                  width: '40%',
                  render: (f: string) => <span title={f}>{baseName(f)}</span>,
                },
                { title: '原因', dataIndex: 'message' },
              ]}
            />
          </>
        )}
      </Card>
    </div>
  );
}
