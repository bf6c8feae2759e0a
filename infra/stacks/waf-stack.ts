/**
 * The web ACL in front of the distribution. CloudFront takes only web ACLs made in us-east-1,
 * so it lives in a stack of its own there; the collector's stack reads its ARN through CDK's
 * cross-region references (an SSM parameter written in the collector's region).
 *
 * Rules, in order:
 *  1. AWS IP reputation list: known bots and scanners are blocked before anything else.
 *  2. Known bad inputs (Log4j, SSRF probes and the like).
 *  3. The common rule set, with its 8 KB body limit counted, not blocked: a staff CSV upload is
 *     up to 6 MB, and rule 4 carries the limit that matters for respondents.
 *  4. Respondent bodies above RESPONDENT_MAX_BODY_BYTES (shared/routes.ts) are blocked at the
 *     edge, as the handler would refuse them anyway.
 *  5. A per-IP rate limit on the respondent and report-link routes: one client looping cannot
 *     take the API's shared route throttle away from every other respondent in the country.
 *     A blocked respondent gets the service's "too many attempts" page (429, every page's
 *     security headers), as the local server answers a throttled page.
 * Paths are URL-decoded and normalised before rules 4 and 5 match them.
 */
import { ArnFormat, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { RESPONDENT_MAX_BODY_BYTES } from '#shared/routes';
import { pageHeaders, SECURITY_HEADERS } from '#http/security-headers';
import { tooManyRequestsEdgePage } from '#web/respondent/questionnaire-pages';

/** The paths of everyone who has a link rather than an account. */
export const RESPONDENT_PATH_PREFIXES = ['/q/', '/questionnaires/', '/reports/'] as const;

/**
 * Requests per IP per 5 minutes on those paths. A questionnaire is about 25 requests (a page a
 * question, the check page, the answers); 600 lets two dozen people behind one address (a
 * probation office, a court) answer at once, and stops a loop within seconds of 2 rps.
 */
export const RESPONDENT_RATE_LIMIT = 600;

/** The key of the custom response body a blocked respondent is sent. */
export const TOO_MANY_REQUESTS_BODY = 'too-many-requests';

/**
 * What a respondent over the per-IP limit gets: the service's own "too many attempts" page,
 * in English and Welsh, with every page's security headers (the edge's default block is a bare
 * 403 with none), and when to try again: the rate is counted over 5 minutes.
 */
export function tooManyRequestsResponse(): CfnWebACL.CustomResponseProperty {
  const headers: Record<string, string> = { ...SECURITY_HEADERS, ...pageHeaders(), 'retry-after': '300' };
  return {
    responseCode: 429,
    customResponseBodyKey: TOO_MANY_REQUESTS_BODY,
    responseHeaders: Object.entries(headers).map(([name, value]) => ({ name, value })),
  };
}
export const webAclName = (stage: string) => `omi-collector-${stage}`;

export interface WafStackProps extends StackProps {
  stage: string;
}

/**
 * The path as the API routes it, whatever its spelling: `/%71/...`, `//q/...` and `/x/../q/...`
 * all reach the respondent routes, so they are decoded and normalised before they are matched.
 */
export const PATH_TRANSFORMATIONS: CfnWebACL.TextTransformationProperty[] = [
  { priority: 0, type: 'URL_DECODE' },
  { priority: 1, type: 'NORMALIZE_PATH' },
];

/**
 * The WAF's log: blocked requests only (who was refused and by which rule), kept 30 days. The
 * path and query (a respondent's token), cookies and Authorization are redacted; what remains is
 * the rule, the time, the country and the client's IP address, which the privacy notice names.
 */
export const WAF_LOG = {
  retention: RetentionDays.ONE_MONTH,
  redacted: [{ uriPath: {} }, { queryString: {} }, { singleHeader: { Name: 'cookie' } }, { singleHeader: { Name: 'authorization' } }],
} as const;

function pathStartsWith(prefix: string): CfnWebACL.StatementProperty {
  return {
    byteMatchStatement: {
      fieldToMatch: { uriPath: {} },
      positionalConstraint: 'STARTS_WITH',
      searchString: prefix,
      textTransformations: PATH_TRANSFORMATIONS,
    },
  };
}

function onRespondentPaths(): CfnWebACL.StatementProperty {
  return { orStatement: { statements: RESPONDENT_PATH_PREFIXES.map(pathStartsWith) } };
}

const visibility = (name: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName: name,
  sampledRequestsEnabled: false,
});

function managed(name: string, priority: number, overrides: string[] = []): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name,
        ...(overrides.length > 0 ? { ruleActionOverrides: overrides.map((rule) => ({ name: rule, actionToUse: { count: {} } })) } : {}),
      },
    },
    visibilityConfig: visibility(name),
  };
}

export class WafStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: WafStackProps) {
    super(scope, id, props);
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      // Named, so the watch stack's alarm can name it in the WAF's metric dimensions.
      name: webAclName(props.stage),
      description: `The collector ${props.stage} - in front of its CloudFront distribution`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      // No sampled requests: they would keep respondents' IP addresses and paths (with tokens).
      visibilityConfig: visibility(`omi-collector-${props.stage}`),
      // Read the whole of a respondent's largest body (64 KB) rather than the default 16 KB.
      associationConfig: { requestBody: { CLOUDFRONT: { defaultSizeInspectionLimit: 'KB_64' } } },
      customResponseBodies: { [TOO_MANY_REQUESTS_BODY]: { contentType: 'TEXT_HTML', content: tooManyRequestsEdgePage() } },
      rules: [
        managed('AWSManagedRulesAmazonIpReputationList', 0),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 1),
        managed('AWSManagedRulesCommonRuleSet', 2, ['SizeRestrictions_BODY']),
        {
          name: 'RespondentBodySize',
          priority: 3,
          action: { block: {} },
          statement: {
            andStatement: {
              statements: [
                onRespondentPaths(),
                {
                  sizeConstraintStatement: {
                    fieldToMatch: { body: { oversizeHandling: 'MATCH' } },
                    comparisonOperator: 'GT',
                    size: RESPONDENT_MAX_BODY_BYTES,
                    textTransformations: [{ priority: 0, type: 'NONE' }],
                  },
                },
              ],
            },
          },
          visibilityConfig: visibility('RespondentBodySize'),
        },
        {
          name: 'RespondentRatePerIp',
          priority: 4,
          action: { block: { customResponse: tooManyRequestsResponse() } },
          statement: {
            rateBasedStatement: {
              limit: RESPONDENT_RATE_LIMIT,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              scopeDownStatement: onRespondentPaths(),
            },
          },
          visibilityConfig: visibility('RespondentRatePerIp'),
        },
      ],
    });

    // WAF delivers only to a log group whose name starts `aws-waf-logs-`.
    const logGroup = new LogGroup(this, 'WafLogs', {
      logGroupName: `aws-waf-logs-omi-collector-${props.stage}`,
      retention: WAF_LOG.retention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new CfnLoggingConfiguration(this, 'WafLogging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [
        Stack.of(this).formatArn({
          service: 'logs',
          resource: 'log-group',
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          resourceName: logGroup.logGroupName,
        }),
      ],
      redactedFields: WAF_LOG.redacted.map((f) => ({ ...f })),
      loggingFilter: {
        DefaultBehavior: 'DROP',
        Filters: [{ Behavior: 'KEEP', Requirement: 'MEETS_ANY', Conditions: [{ ActionCondition: { Action: 'BLOCK' } }] }],
      },
    });
  }
}
