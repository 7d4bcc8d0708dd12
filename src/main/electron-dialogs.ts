/** Native dialogs for the application service (Chinese titles and filters). */
import { dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import type { Dialogs } from '../core/app/service';

const REPORT_FILTER = { name: '年度报告（Word、PDF、Excel、网页、文本）', extensions: ['docx', 'pdf', 'xlsx', 'html', 'htm', 'txt', 'md'] };
const WORKSPACE_FILTER = { name: '年报审查工作区', extensions: ['nianbao'] };

export function electronDialogs(getWindow: () => BrowserWindow | null): Dialogs {
  const parent = (): BrowserWindow | undefined => getWindow() ?? undefined;
  const open = async (options: Electron.OpenDialogOptions): Promise<string[] | null> => {
    const w = parent();
    const res = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
    return res.canceled || res.filePaths.length === 0 ? null : res.filePaths;
  };
  const save = async (options: Electron.SaveDialogOptions): Promise<string | null> => {
    const w = parent();
    const res = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
    return res.canceled || !res.filePath ? null : res.filePath;
  };
  return {
    openFiles: () => open({ title: '导入年度报告', properties: ['openFile', 'multiSelections'], filters: [REPORT_FILTER] }),
    openFolder: async () => (await open({ title: '导入文件夹中的全部年度报告', properties: ['openDirectory'] }))?.[0] ?? null,
    openWorkspace: async () => (await open({ title: '打开工作区', properties: ['openFile'], filters: [WORKSPACE_FILTER] }))?.[0] ?? null,
    saveWorkspace: (defaultName) => save({ title: '保存工作区', defaultPath: defaultName, filters: [WORKSPACE_FILTER] }),
    saveWorkbook: (defaultName) => save({ title: '导出审查结果', defaultPath: defaultName, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] }),
    async confirmDiscard() {
      const options: Electron.MessageBoxOptions = {
        type: 'warning',
        title: '年报审查',
        message: '当前工作区尚未保存。',
        detail: '继续将放弃当前未命名工作区中的报告和审查结论。',
        buttons: ['放弃并继续', '取消'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      };
      const w = parent();
      const res = w ? await dialog.showMessageBox(w, options) : await dialog.showMessageBox(options);
      return res.response === 0;
    },
  };
}
