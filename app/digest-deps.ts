// The digest job's dependencies from the configuration, for the server (start.ts) and the CLI.
import type { Clock, Store } from '../core/ports.ts';
import type { Config } from '../bots/config.ts';
import { deadlineRulesFrom, leavePolicyFrom } from './office-rules.ts';
import type { DigestJobDeps } from '../bots/jobs/daily-digest.ts';

export function digestDepsFrom(config: Config, store: Store, clock: Clock, onQueued?: () => void): DigestJobDeps {
  const { slaFilesDays, slaAbsenceDays, reportRecipients } = config.reminders;
  return {
    store, clock, reportRecipients,
    policy: { calendar: leavePolicyFrom(config).calendar, slaFilesDays, slaAbsenceDays },
    deadlineRules: deadlineRulesFrom(config),
    ...(onQueued ? { onQueued } : {}),
  };
}
