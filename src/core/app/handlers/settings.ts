/** Settings: the rules' settings (re-audit on change), the rule catalogue, the documents' settings. */
import { mergeSettings } from '../../rules/engine';
import { catalogue as ruleCatalogue } from '../../rules/registry';
import type { AuditSettings } from '../../rules/types';
import type { DocumentSettings } from '../../export/documents/settings';
import type { RuleInfo } from '../../../shared/ipc';
import type { AppContext } from '../context';
import { UserError } from '../errors';
import { ruleInfos } from '../views';

export type SettingsHandlers = {
  getSettings(): Promise<AuditSettings>;
  /** Replaces the settings and re-runs the rules over every report (decisions kept). */
  setSettings(settings: AuditSettings): Promise<AuditSettings>;
  catalogue(): Promise<RuleInfo[]>;
  /** The letters' and briefing's settings (设置 → 审查意见与通报). */
  getDocumentSettings(): Promise<DocumentSettings>;
  setDocumentSettings(settings: DocumentSettings): Promise<DocumentSettings>;
};

export function settingsHandlers(ctx: AppContext): SettingsHandlers {
  const getSettings = async (): Promise<AuditSettings> => mergeSettings(ctx.store.settings());
  return {
    getSettings,

    async setSettings(settings) {
      const known = new Set(ruleCatalogue().map((m) => m.id));
      const unknown = [...settings.disabled, ...Object.keys(settings.severities)].filter(
        (id) => !known.has(id),
      );
      if (unknown.length) throw new UserError(`未知的规则编号：${unknown.slice(0, 3).join('、')}`);
      ctx.store.setSettings(mergeSettings(settings));
      await ctx.reaudit();
      ctx.changed('settings');
      return getSettings();
    },

    async catalogue() {
      return ruleInfos(ruleCatalogue(), ctx.store.settings());
    },

    async getDocumentSettings() {
      return ctx.store.documentSettings();
    },

    async setDocumentSettings(settings) {
      ctx.store.setDocumentSettings(settings);
      ctx.changed('settings');
      return ctx.store.documentSettings();
    },
  };
}
