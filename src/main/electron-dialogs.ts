/** Native dialogs for the application service (Chinese titles and filters). */
import { dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import type { Dialogs } from '../core/app/service';

const REPORT_FILTER = {
  name: '年度报告（Word、WPS、PDF、Excel、网页、文本）',
  extensions: [
    'docx',
    'doc',
    'wps',
    'pdf',
    'xlsx',
    'xls',
    'et',
    'html',
    'htm',
    'mht',
    'mhtml',
    'txt',
    'md',
  ],
};
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
    openFiles: () =>
      open({
        title: '导入年度报告',
        properties: ['openFile', 'multiSelections'],
        filters: [REPORT_FILTER],
      }),
    openFolder: async () =>
      (await open({ title: '导入文件夹中的全部年度报告', properties: ['openDirectory'] }))?.[0] ??
      null,
    openWorkspace: async () =>
      (
        await open({ title: '打开工作区', properties: ['openFile'], filters: [WORKSPACE_FILTER] })
      )?.[0] ?? null,
    saveWorkspace: (defaultName) =>
      save({ title: '保存工作区', defaultPath: defaultName, filters: [WORKSPACE_FILTER] }),
    saveWorkbook: (defaultName) =>
      save({
        title: '导出审查结果',
        defaultPath: defaultName,
        filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
      }),
    openRoster: async () =>
      (
        await open({
          title: '导入应报送单位名单',
          properties: ['openFile'],
          filters: [{ name: '单位名单（Excel、CSV、文本）', extensions: ['xlsx', 'csv', 'txt'] }],
        })
      )?.[0] ?? null,
    chooseLettersFolder: async () =>
      (
        await open({
          title: '选择保存审查意见的文件夹（每个单位一个文件）',
          properties: ['openDirectory', 'createDirectory'],
        })
      )?.[0] ?? null,
    saveDocument: (defaultName, title) =>
      save({
        title,
        defaultPath: defaultName,
        filters: [{ name: 'Word 文档', extensions: ['docx'] }],
      }),
    async confirmReplaceLetters(existing) {
      const shown =
        existing.slice(0, 8).join('\n') +
        (existing.length > 8 ? `\n……等 ${existing.length} 个文件` : '');
      const options: Electron.MessageBoxOptions = {
        type: 'question',
        title: '年报审查',
        message: `文件夹中已有 ${existing.length} 份同名审查意见。`,
        detail: `${shown}\n\n覆盖：用新生成的审查意见替换它们。\n保留：不动已有文件，只写入其余单位的审查意见。`,
        buttons: ['覆盖', '保留已有文件', '取消'],
        defaultId: 1,
        cancelId: 2,
        noLink: true,
      };
      const w = parent();
      const res = w
        ? await dialog.showMessageBox(w, options)
        : await dialog.showMessageBox(options);
      return res.response === 0 ? 'overwrite' : res.response === 1 ? 'keep' : 'cancel';
    },
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
      const res = w
        ? await dialog.showMessageBox(w, options)
        : await dialog.showMessageBox(options);
      return res.response === 0;
    },
  };
}
