/**
 * Backups beyond point-in-time recovery (which keeps 35 days of every change, erased responses
 * included, and goes with the table if the table goes): an AWS Backup plan in a vault of its
 * own, daily (kept 35 days) and weekly (kept BACKUP_WEEKLY_RETENTION, past the point-in-time
 * window), each recovery point copied out of the region (a vault of ours in backupCopyRegion,
 * BackupCopyStack) or out of the account (backupCopyVaultArn), so losing the region or the
 * account does not lose the data. Production's vaults are locked: nobody, root included, can
 * delete a recovery point before its minimum retention. A failed backup or copy job alarms.
 *
 * A stage that does not retain its data (staging) has no plan: point-in-time recovery only, so
 * `cdk destroy` can remove everything (a vault with recovery points cannot be deleted).
 */
import { Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault, type BackupVaultProps, type LockConfiguration } from 'aws-cdk-lib/aws-backup';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import type { StageConfig } from '#infra/stages';
import { ALARM_PERIOD, type Monitoring } from './monitoring';

export const BACKUP_RETENTION = Duration.days(35);
/** Weekly points outlive the point-in-time window; erased answers can survive in them this long (docs/runbook.md). */
export const BACKUP_WEEKLY_RETENTION = Duration.days(91);
/**
 * Compliance-mode lock: after the grace days the lock itself cannot be removed, and no recovery
 * point can be deleted before the minimum or kept past the maximum.
 */
export const VAULT_LOCK: LockConfiguration = { minRetention: BACKUP_RETENTION, maxRetention: Duration.days(120), changeableFor: Duration.days(3) };

export const copyVaultName = (stage: string) => `omi-collector-${stage}-copy`;

function vaultProps(config: StageConfig): BackupVaultProps {
  return { removalPolicy: RemovalPolicy.RETAIN, ...(config.stage === 'prod' ? { lockConfiguration: VAULT_LOCK } : {}) };
}

/** The copy vault in another region of this account (infra/app.ts adds it when the stage names backupCopyRegion). */
export class BackupCopyStack extends Stack {
  readonly vault: BackupVault;
  constructor(scope: Construct, id: string, props: StackProps & { config: StageConfig }) {
    super(scope, id, props);
    this.vault = new BackupVault(this, 'CopyVault', { ...vaultProps(props.config), backupVaultName: copyVaultName(props.config.stage) });
  }
}

export function collectorBackupPlan(scope: Construct, table: ITable, config: StageConfig, monitoring: Monitoring): BackupPlan | undefined {
  if (!config.retain) return undefined;
  const vault = new BackupVault(scope, 'BackupVault', vaultProps(config));
  const destination = config.backupCopyVaultArn
    ? BackupVault.fromBackupVaultArn(scope, 'BackupCopyVault', config.backupCopyVaultArn)
    : config.backupCopyRegion
      ? BackupVault.fromBackupVaultArn(
          scope,
          'BackupCopyVault',
          `arn:${Stack.of(scope).partition}:backup:${config.backupCopyRegion}:${Stack.of(scope).account}:backup-vault:${copyVaultName(config.stage)}`,
        )
      : undefined;
  const copyActions = (deleteAfter: Duration) => (destination ? [{ destinationBackupVault: destination, deleteAfter }] : []);
  // Plan names are unique in an account: one per stage.
  const plan = new BackupPlan(scope, 'BackupPlan', { backupPlanName: `omi-collector-${config.stage}`, backupVault: vault });
  plan.addRule(
    new BackupPlanRule({
      ruleName: 'Daily35Days',
      // 03:00 UTC, after the day's work and away from the mail-outs.
      scheduleExpression: Schedule.cron({ minute: '0', hour: '3' }),
      deleteAfter: BACKUP_RETENTION,
      copyActions: copyActions(BACKUP_RETENTION),
    }),
  );
  plan.addRule(
    new BackupPlanRule({
      ruleName: 'Weekly13Weeks',
      scheduleExpression: Schedule.cron({ minute: '0', hour: '4', weekDay: 'SUN' }),
      deleteAfter: BACKUP_WEEKLY_RETENTION,
      copyActions: copyActions(BACKUP_WEEKLY_RETENTION),
    }),
  );
  const selection = plan.addSelection('Table', { resources: [BackupResource.fromDynamoDbTable(table)], allowRestores: false });
  Validations.of(selection).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
    reason:
      'The role AWS Backup assumes to back up the table: AWS maintains this service-role policy for exactly that, and the ' +
      "plan's selection limits what it is used on to this table.",
  });
  const failed = (metricName: string) =>
    new Metric({
      namespace: 'AWS/Backup',
      metricName,
      dimensionsMap: { BackupVaultName: vault.backupVaultName },
      period: ALARM_PERIOD,
      statistic: 'Sum',
    });
  monitoring.alarm(scope, 'BackupJobFailedAlarm', {
    alarmDescription: 'An AWS Backup job of the table failed: no recovery point was made tonight (docs/runbook.md, "Restore").',
    metric: failed('NumberOfBackupJobsFailed'),
    threshold: 0,
  });
  monitoring.alarm(scope, 'BackupCopyFailedAlarm', {
    alarmDescription: 'Copying a recovery point out of the region or account failed: the only copy is in this region and account.',
    metric: failed('NumberOfCopyJobsFailed'),
    threshold: 0,
  });
  return plan;
}
