/**
 * Above the document in 审查, when a unit sent more than one file for a year: the versions (the
 * current one marked, with why it is current), the identical copies of each, and the actions
 * 设为当前版本 and 与当前版本对比 (the two-column comparison).
 */
import { useState } from 'react';
import { Button, Tag, Tooltip, Typography } from 'antd';
import { DiffOutlined, QuestionCircleOutlined, StarOutlined } from '@ant-design/icons';
import type { VersionInfo } from '../../../shared/ipc';

export interface VersionBarProps {
  info: VersionInfo;
  /** The report on screen. */
  viewing: string;
  onOpen(id: string): void;
  onChoose(id: string): Promise<void>;
  onCompare(id: string, currentId: string): void;
}

/** True when there is something to show: several versions or duplicate copies. */
export function hasVersionChoice(info: VersionInfo | null): info is VersionInfo {
  return !!info && (info.versions.length > 1 || info.versions.some((v) => v.duplicates.length > 0));
}

export function VersionBar({
  info,
  viewing,
  onOpen,
  onChoose,
  onCompare,
}: VersionBarProps): React.JSX.Element {
  const [busy, setBusy] = useState<string | null>(null);
  const current = info.versions.find((v) => v.current);
  const viewingVersion = info.versions.find((v) => v.id === viewing);
  const viewingIsCopy = !viewingVersion;
  return (
    <div className="nb-versions" data-testid="version-bar">
      <div className="nb-versions-head">
        <b>
          {info.unitName} · {info.year} 年度
        </b>
        <span>
          {info.versions.length > 1 ? `共 ${info.versions.length} 个不同版本` : '只有一个版本'}
          {info.versions.some((v) => v.duplicates.length) ? '，另有内容相同的重复文件' : ''}
        </span>
        <Typography.Text type="secondary" data-testid="current-reason">
          当前版本依据：{info.currentReason}
        </Typography.Text>
        {info.versions.length > 1 ? (
          <Tooltip title="只有当前版本参加跨年度、跨单位检查和合计；其他版本仍可审查，各版本的审查结论互不影响。">
            <QuestionCircleOutlined className="nb-muted" />
          </Tooltip>
        ) : null}
        {viewingIsCopy ? (
          <Tag color="default">正在查看的是重复文件，与下列某个版本内容相同</Tag>
        ) : null}
      </div>
      <div className="nb-versions-list">
        {info.versions.map((v) => (
          <div
            key={v.id}
            className={`nb-version-row${v.id === viewing ? ' nb-version-viewing' : ''}`}
            data-testid="version-row"
            data-current={v.current ? '1' : '0'}
            data-report={v.id}
          >
            {v.current ? (
              <Tag color="blue" icon={<StarOutlined />} data-testid="version-current">
                当前版本
              </Tag>
            ) : (
              <Tag color="gold">其他版本</Tag>
            )}
            {v.id === viewing ? (
              <span className="nb-version-file" title={v.fileName}>
                <b>{v.fileName}</b>（正在查看）
              </span>
            ) : (
              <a
                className="nb-version-file"
                title={`${v.fileName}（点击打开）`}
                onClick={() => onOpen(v.id)}
              >
                {v.fileName}
              </a>
            )}
            {v.duplicates.length ? (
              <Tooltip title={v.duplicates.join('、')}>
                <span className="nb-version-dups" data-testid="version-duplicates">
                  重复文件：{v.duplicates.join('、')}
                </span>
              </Tooltip>
            ) : null}
            <span className="nb-version-actions">
              {!v.current ? (
                <>
                  {current ? (
                    <Button
                      size="small"
                      icon={<DiffOutlined />}
                      onClick={() => onCompare(v.id, current.id)}
                      data-testid="version-compare"
                    >
                      与当前版本对比
                    </Button>
                  ) : null}
                  <Button
                    size="small"
                    type="primary"
                    ghost
                    loading={busy === v.id}
                    data-testid="version-choose"
                    onClick={async () => {
                      setBusy(v.id);
                      await onChoose(v.id);
                      setBusy(null);
                    }}
                  >
                    设为当前版本
                  </Button>
                </>
              ) : null}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
