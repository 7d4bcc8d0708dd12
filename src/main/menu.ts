/**
 * The Chinese application menu. Built from injected actions (no electron runtime import), so the
 * template is unit-tested; index.ts turns it into a Menu.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuEvent } from '../shared/ipc';

export interface MenuActions {
  newWorkspace(): void;
  openWorkspace(): void;
  saveWorkspace(): void;
  saveWorkspaceAs(): void;
  importFiles(): void;
  importFolder(): void;
  exportWorkbook(): void;
  quit(): void;
  /** Navigation commands handled by the renderer. */
  send(command: MenuEvent['command']): void;
  about(): void;
}

export function buildMenuTemplate(
  actions: MenuActions,
  opts: { isMac: boolean; devTools: boolean },
): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: '文件(&F)',
    submenu: [
      { label: '新建工作区', accelerator: 'CmdOrCtrl+N', click: () => actions.newWorkspace() },
      { label: '打开工作区…', accelerator: 'CmdOrCtrl+O', click: () => actions.openWorkspace() },
      { label: '保存', accelerator: 'CmdOrCtrl+S', click: () => actions.saveWorkspace() },
      {
        label: '另存为…',
        accelerator: 'CmdOrCtrl+Shift+S',
        click: () => actions.saveWorkspaceAs(),
      },
      { type: 'separator' },
      { label: '导入文件…', accelerator: 'CmdOrCtrl+I', click: () => actions.importFiles() },
      {
        label: '导入文件夹…',
        accelerator: 'CmdOrCtrl+Shift+I',
        click: () => actions.importFolder(),
      },
      { label: '导出 Excel…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportWorkbook() },
      { type: 'separator' },
      { label: '退出', accelerator: opts.isMac ? 'Cmd+Q' : 'Alt+F4', click: () => actions.quit() },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '编辑(&E)',
    submenu: [
      { label: '撤销', role: 'undo' },
      { label: '重做', role: 'redo' },
      { type: 'separator' },
      { label: '剪切', role: 'cut' },
      { label: '复制', role: 'copy' },
      { label: '粘贴', role: 'paste' },
      { label: '全选', role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '视图(&V)',
    submenu: [
      { label: '导入', accelerator: 'CmdOrCtrl+1', click: () => actions.send('goto-import') },
      { label: '总览', accelerator: 'CmdOrCtrl+2', click: () => actions.send('goto-overview') },
      { label: '报送情况', accelerator: 'CmdOrCtrl+3', click: () => actions.send('goto-coverage') },
      { label: '审查', accelerator: 'CmdOrCtrl+4', click: () => actions.send('goto-review') },
      { label: '年度对比', accelerator: 'CmdOrCtrl+5', click: () => actions.send('goto-compare') },
      { label: '导出', accelerator: 'CmdOrCtrl+6', click: () => actions.send('goto-export') },
      { label: '设置', accelerator: 'CmdOrCtrl+7', click: () => actions.send('goto-settings') },
      { type: 'separator' },
      { label: '放大', role: 'zoomIn' },
      { label: '缩小', role: 'zoomOut' },
      { label: '实际大小', role: 'resetZoom' },
      { label: '全屏', role: 'togglefullscreen' },
      ...(opts.devTools
        ? [
            { type: 'separator' } satisfies MenuItemConstructorOptions,
            { label: '开发者工具', role: 'toggleDevTools' } satisfies MenuItemConstructorOptions,
          ]
        : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '帮助(&H)',
    submenu: [{ label: '关于年报审查', click: () => actions.about() }],
  };
  return [file, edit, view, help];
}
