// Loads the audit configuration for a command, turning a bad config file into the CLI's one-line error.
import { ConfigError, loadConfig } from '../audit/config.js';
import { UserError } from './errors.js';

export function loadAuditRules(configPath: string | undefined): ReturnType<typeof loadConfig>['rules'] {
  try {
    return loadConfig(configPath).rules;
  } catch (err) {
    if (err instanceof ConfigError) throw new UserError(`配置文件 ${err.message}`, 2);
    throw err;
  }
}
