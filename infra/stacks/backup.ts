/**
 * Backups beyond point-in-time recovery (which keeps 35 days of every change, erased responses
 * included, and goes with the table if the table goes): an AWS Backup plan, daily, kept 35
 * days, in a vault of its own, optionally copied to a vault in another account so that losing
 * this account does not lose the data.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import type { StageConfig } from '../stages';

export const BACKUP_RETENTION = Duration.days(35);

export function collectorBackupPlan(scope: Construct, table: ITable, config: StageConfig): BackupPlan {
  const vault = new BackupVault(scope, 'BackupVault', {
    removalPolicy: config.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  const copyActions = config.backupCopyVaultArn
    ? [{ destinationBackupVault: BackupVault.fromBackupVaultArn(scope, 'BackupCopyVault', config.backupCopyVaultArn), deleteAfter: BACKUP_RETENTION }]
    : [];
  // Plan names are unique in an account: one per stage.
  const plan = new BackupPlan(scope, 'BackupPlan', { backupPlanName: `omi-collector-${config.stage}`, backupVault: vault });
  plan.addRule(
    new BackupPlanRule({
      ruleName: 'Daily35Days',
      // 03:00 UTC, after the day's work and away from the mail-outs.
      scheduleExpression: Schedule.cron({ minute: '0', hour: '3' }),
      deleteAfter: BACKUP_RETENTION,
      copyActions,
    }),
  );
  const selection = plan.addSelection('Table', { resources: [BackupResource.fromDynamoDbTable(table)], allowRestores: false });
  Validations.of(selection).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
    reason:
      'The role AWS Backup assumes to back up the table: AWS maintains this service-role policy for exactly that, and the ' +
      'plan\'s selection limits what it is used on to this table.',
  });
  return plan;
}
