/** The shell: a left menu of the seven screens, a header with the workspace and its save state. */
import { useEffect, useState } from 'react';
import { Badge, Button, Layout, Menu, Modal, Space, Tooltip, Typography } from 'antd';
import {
  BarChartOutlined,
  DiffOutlined,
  ExportOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  ImportOutlined,
  PlusOutlined,
  SaveOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { api, unwrap } from './api';
import { useStore, type PageKey } from './store';
import { formatTime } from './labels';
import { ImportPage } from './pages/ImportPage';
import { OverviewPage } from './pages/OverviewPage';
import { CoveragePage } from './pages/CoveragePage';
import { ReviewPage } from './pages/ReviewPage';
import { ComparePage } from './pages/ComparePage';
import { ExportPage } from './pages/ExportPage';
import { SettingsPage } from './pages/SettingsPage';

const { Header, Sider, Content } = Layout;

const MENU: { key: PageKey; label: string; icon: React.ReactNode }[] = [
  { key: 'import', label: '导入', icon: <ImportOutlined /> },
  { key: 'overview', label: '总览', icon: <BarChartOutlined /> },
  { key: 'coverage', label: '报送情况', icon: <TeamOutlined /> },
  { key: 'review', label: '审查', icon: <FileSearchOutlined /> },
  { key: 'compare', label: '年度对比', icon: <DiffOutlined /> },
  { key: 'export', label: '导出', icon: <ExportOutlined /> },
  { key: 'settings', label: '设置', icon: <SettingOutlined /> },
];

/**
 * An untitled workspace is autosaved too (in the program's data folder, restored on the next
 * start), so it never shows as unsaved work: the badge says where it is kept, and the tooltip what
 * 保存 adds (a file of one's own, to keep or hand on).
 */
export const UNTITLED_SAVE_HINT =
  '审查内容已自动保存在本机的程序数据文件夹中，关闭后再打开本程序会自动恢复。点“保存”可另存为工作区文件（.nianbao），放在您选定的位置，便于备份或交给同事继续审查。';

function SaveState(): React.JSX.Element | null {
  const { state } = useStore();
  if (!state) return null;
  const ws = state.workspace;
  const when = ws.lastSavedAt ? ` ${formatTime(ws.lastSavedAt, true)}` : '';
  if (!ws.path) {
    // `dirty` of an untitled workspace only means "not yet saved as a file of one's own": the
    // content itself is autosaved, so the dot stays green.
    return (
      <Tooltip title={UNTITLED_SAVE_HINT}>
        <span data-testid="save-state">
          <Badge
            status="success"
            text={ws.lastSavedAt ? `已自动保存到本机${when}` : '自动保存到本机'}
          />
        </span>
      </Tooltip>
    );
  }
  return (
    <span data-testid="save-state">
      {ws.dirty ? (
        <Badge status="warning" text="有未保存的更改" />
      ) : (
        <Badge status="success" text={`已保存${when}`} />
      )}
    </span>
  );
}

function FirstRunOffer(): React.JSX.Element | null {
  const { state, run, refresh, go } = useStore();
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (state?.firstRun && state.samplesAvailable && state.reportCount === 0) setOpen(true);
  }, [state?.firstRun, state?.samplesAvailable, state?.reportCount]);
  if (!open) return null;
  return (
    <Modal
      open
      title="欢迎使用年报审查"
      okText="打开示例报告"
      cancelText="暂不需要"
      okButtonProps={{ autoFocus: true }}
      confirmLoading={loading}
      onOk={async () => {
        setLoading(true);
        await run(() => unwrap(api().openSamples()));
        setLoading(false);
        setOpen(false);
        await refresh();
        go('overview');
      }}
      onCancel={async () => {
        setOpen(false);
        await run(() => unwrap(api().dismissSamplesOffer()));
        await refresh();
      }}
    >
      <Typography.Paragraph>
        本工具离线审查各单位的《政府信息公开工作年度报告》：检查六个部分是否齐全、三张统计表的勾稽关系、文表是否一致、与上年数据是否衔接等。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        首次使用，可以先打开随软件附带的示例报告，熟悉各个页面；之后在“导入”页导入本地区的报告。
      </Typography.Paragraph>
    </Modal>
  );
}

function WorkspaceButtons(): React.JSX.Element {
  const { run, refresh, state } = useStore();
  const act = (fn: () => Promise<unknown>) => async () => {
    await run(fn);
    await refresh();
  };
  return (
    <Space size={4}>
      <Tooltip title="新建一个空的工作区">
        <Button
          size="small"
          type="text"
          icon={<PlusOutlined />}
          onClick={act(() => unwrap(api().newWorkspace()))}
        >
          新建
        </Button>
      </Tooltip>
      <Button
        size="small"
        type="text"
        icon={<FolderOpenOutlined />}
        onClick={act(() => unwrap(api().openWorkspace()))}
      >
        打开
      </Button>
      <Tooltip
        title={
          state?.workspace.path
            ? `保存到 ${state.workspace.name}`
            : '另存为工作区文件（.nianbao）：选择保存位置，便于备份或交给同事继续审查'
        }
      >
        <Button
          size="small"
          type="text"
          icon={<SaveOutlined />}
          onClick={act(() => unwrap(api().saveWorkspace()))}
          data-testid="save-workspace"
        >
          保存
        </Button>
      </Tooltip>
      <Button size="small" type="text" onClick={act(() => unwrap(api().saveWorkspaceAs()))}>
        另存为
      </Button>
    </Space>
  );
}

export function App(): React.JSX.Element {
  const { page, go, state } = useStore();
  return (
    <Layout className="nb-app">
      <Sider width={168} className="nb-sider">
        <div className="nb-brand">
          <span className="nb-brand-mark">审</span>
          <span>年报审查</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[page]}
          items={MENU.map((m) => ({
            key: m.key,
            icon: m.icon,
            label: m.label,
            'data-testid': `nav-${m.key}`,
          }))}
          onClick={(e) => {
            const item = MENU.find((m) => m.key === e.key);
            if (item) go(item.key);
          }}
        />
        <div className="nb-version">{state ? `版本 ${state.appVersion}` : ''}</div>
      </Sider>
      <Layout>
        <Header className="nb-header">
          <Space size={12} className="nb-header-left">
            <Typography.Text strong data-testid="workspace-name">
              {state?.workspace.name ?? '…'}
            </Typography.Text>
            <SaveState />
            {state && state.reportCount > 0 ? (
              <Typography.Text type="secondary">共 {state.reportCount} 份报告</Typography.Text>
            ) : null}
          </Space>
          <WorkspaceButtons />
        </Header>
        <Content className={`nb-content nb-page-${page}`}>
          {page === 'import' && <ImportPage />}
          {page === 'overview' && <OverviewPage />}
          {page === 'coverage' && <CoveragePage />}
          {page === 'review' && <ReviewPage />}
          {page === 'compare' && <ComparePage />}
          {page === 'export' && <ExportPage />}
          {page === 'settings' && <SettingsPage />}
        </Content>
      </Layout>
      <FirstRunOffer />
    </Layout>
  );
}
