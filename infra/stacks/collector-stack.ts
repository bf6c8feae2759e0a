/**
 * The collector in AWS: the same handlers as the local runner, one Lambda per `fn` in
 * shared/routes.ts, behind an HTTP API with a Cognito JWT authorizer, over one DynamoDB
 * table. Everything here is generated from the route table; nothing names a route by hand.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Tags, Validations, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { type CfnStage, HttpApi, HttpMethod, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer, HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { type Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, Operation, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { BackupPlan } from 'aws-cdk-lib/aws-backup';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Alias, Architecture, type IFunction, Runtime, StartingPosition, Tracing } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { FilterPattern, LogGroup, MetricFilter, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ROLES } from '#core/roles';
import {
  allFunctionSpecs,
  authorizerFunctions,
  deployedRoutes,
  functionData,
  isSessionRoute,
  routeKeyOf,
  routes as ROUTES,
  schedules as SCHEDULES,
  streamConsumers as STREAM_CONSUMERS,
  queueConsumers as QUEUE_CONSUMERS,
  type DataAccess,
  type DynamoAction,
  type RouteSpec,
} from '#shared/routes';
import { KEY_ARN_ENV } from '#http/keys';
import { ORIGIN_VERIFY_HEADER } from '#http/origin-verify';
import { TABLE } from '#store/table';
import { BUNDLE } from '#infra/bundling';
import { loadStage, type StageConfig } from '#infra/stages';
import { collectorBackupPlan } from './backup';
import { cognitoMail } from './cognito-mail';
import { Deploys, functionNameOf, Functions, LIVE_ALIAS } from './deploys';
import { Edge } from './edge';
import { ALARM_PERIOD, Monitoring } from './monitoring';
import { businessAlarms } from './business-alarms';
import { METRICS_NAMESPACE_ENV, metricsNamespace } from '#core/metrics';
import { EXTRA_FILES, extraFilesHooks, type ExtraFile } from './extra-files';
import { REPORT_LINK_DENIED_KEYS, REPORT_LINK_LEADING_KEYS, RESPONDENT_LEADING_KEYS } from './leading-keys';
import { BACKGROUND_FUNCTION_TIMEOUT_S, HTTP_FUNCTION_TIMEOUT_S } from '#core/timeouts';

export { EXTRA_FILES, type ExtraFile } from './extra-files';

export type ScheduleSpec = (typeof SCHEDULES)[number];

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Requests per second (steady) and burst, for the whole stage and for each anonymous token route.
 * These are shared by every client; the per-client limit is the WAF's per-IP rule (waf-stack.ts).
 *
 * Sized from the expected load: an inspection invites a few thousand respondents within a week,
 * and a mail-out can bring a fifth of them in its first hour, about 1,000 people answering ~25
 * requests each over ten minutes: 7 rps on average, say 35 rps in the peak minute; three
 * inspections mailing out at once, ~100 rps. Nearly all of it (the question pages) falls on one
 * route key, GET/POST /q/{token}/{questionId}, so each token route takes 100 rps (burst 200) and
 * the stage 200 (burst 400): ~10 concurrent Lambdas at ~100 ms, far below the account's limits,
 * and on-demand DynamoDB absorbs it. The old 10 rps completed under one questionnaire a second.
 */
export const THROTTLE = {
  stage: { rateLimit: 200, burstLimit: 400 },
  tokenRoute: { rateLimit: 100, burstLimit: 200 },
} as const;

/**
 * How long API Gateway keeps the origin authorizer's answer for one header value: the edge's own
 * traffic runs it about once a minute. Far inside a rotation's overlap (docs/runbook.md, "Rotate
 * the keys"): the authorizer reads the key ring every 5 minutes, so 5 minutes plus this fit in the
 * runbook's wait before CloudFront sends the new value, and after `retire` the old value is
 * refused within the same 6 minutes (test/infra/edge.test.ts holds them together).
 */
export const ORIGIN_AUTHORIZER_CACHE = Duration.seconds(60);
/** The authorizer reads one secret and compares a header: far below API Gateway's 10 s wait for it. */
const ORIGIN_AUTHORIZER_TIMEOUT = Duration.seconds(5);

export const FUNCTION_DEFAULTS = {
  memorySize: 512,
  // The local server enforces the same (shared/core/timeouts.ts).
  httpTimeout: Duration.seconds(HTTP_FUNCTION_TIMEOUT_S),
  scheduledTimeout: Duration.seconds(BACKGROUND_FUNCTION_TIMEOUT_S),
} as const;

export const SERVICE = 'omi-collector';
export const DATA_CLASSIFICATION = 'official-sensitive-personal';
/** The API's 5xx share (%) that pages, and the fewest 5xx that can: a single failure is not news. */
export const API_5XX = { percent: 2, minErrors: 5 } as const;
/** The API's p99 latency (ms) that raises a ticket: well below the functions' 10 s timeout. */
export const API_P99_MS = 3000;
/** Throttled requests per 5 minutes before someone is told: a respondent retrying now and then is not news. */
export const API_429_THRESHOLD = 50;

/**
 * The schedule's retries. Lambda retries a failed async run twice, about 1 and then 2 minutes
 * later; with the 60 s timeout the third attempt can start about 5 minutes after the event, so
 * the event must live longer than that or the retries are skipped (the old 60 s did exactly that).
 * A run that overlaps waits for the one before it (reserved concurrency 1), which takes time too.
 */
export const SCHEDULE_RETRIES = {
  functionRetryAttempts: 2,
  functionMaxEventAge: Duration.minutes(15),
  deliveryRetryAttempts: 8,
  deliveryMaxEventAge: Duration.hours(1),
} as const;

/**
 * The stream consumer's retries: a marker is a blind put, so retrying is harmless; a record
 * older than a day is one whose change a person has long since noticed.
 */
export const STREAM_RETRIES = {
  retryAttempts: 10,
  maxRecordAge: Duration.days(1),
  iteratorAgeAlarmMinutes: 5,
} as const;

/** Work waiting this long in a queue means the workers are not keeping up. */
export const QUEUE_AGE_ALARM_MINUTES = 10;

/** Action -> the DynamoDB metric dimension for its throttles and system errors. */
const OPERATIONS: Partial<Record<DynamoAction, Operation>> = {
  GetItem: Operation.GET_ITEM,
  Query: Operation.QUERY,
  PutItem: Operation.PUT_ITEM,
  UpdateItem: Operation.UPDATE_ITEM,
  DeleteItem: Operation.DELETE_ITEM,
  BatchWriteItem: Operation.BATCH_WRITE_ITEM,
  TransactWriteItems: Operation.TRANSACT_WRITE_ITEMS,
  BatchGetItem: Operation.BATCH_GET_ITEM,
};

/** CloudWatch Logs takes only certain retention periods; a stage file must name one. */
export function retentionDays(days: number): RetentionDays {
  if (!(Object.values(RetentionDays) as unknown[]).includes(days) || days === RetentionDays.INFINITE) {
    throw new Error(`${days} days is not a CloudWatch Logs retention period (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, …)`);
  }
  return days as RetentionDays;
}

/**
 * The access log line. No path, query string, headers or bodies: the respondent routes carry
 * the questionnaire token in the path (`/q/{token}`), so routeKey (the template, `GET /q/{token}`)
 * is logged instead. No source IP or user agent either: respondents are offenders, victims and
 * sentencers, and an IP address is personal data the operators do not need.
 */
export const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTimeEpoch',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  error: '$context.error.message',
  authorizerError: '$context.authorizer.error',
  sub: '$context.authorizer.claims.sub',
} as const;

export interface CollectorStackProps extends StackProps {
  /** The stage's configuration (infra/stages/<stage>.json); defaults to staging's. */
  config?: StageConfig;
  /** Defaults to shared/routes.ts; tests pass their own to exercise other shapes. */
  routes?: readonly RouteSpec[];
  /** Defaults to shared/routes.ts `schedules`. */
  schedules?: readonly ScheduleSpec[];
  /** Defaults to shared/routes.ts `queueConsumers`. */
  queueConsumers?: typeof QUEUE_CONSUMERS;
  /** Defaults to shared/routes.ts `streamConsumers`. */
  streamConsumers?: typeof STREAM_CONSUMERS;
  /** Defaults to EXTRA_FILES. */
  extraFiles?: Record<string, readonly ExtraFile[]>;
  /** The WAF web ACL (us-east-1, waf-stack.ts) for the CloudFront distribution; without one, no edge is built. */
  webAclArn?: string;
}

/**
 * A key the functions read at run time: `{"kid","key"}`, rotated with no deploy by
 * infra/ops/rotate-keys.ts (staging labels AWSCURRENT/AWSPREVIOUS; docs/runbook.md, "Rotate the keys").
 */
function keySecret(scope: Construct, id: string, description: string, removalPolicy: RemovalPolicy, keyLength = 64): Secret {
  const secret = new Secret(scope, id, {
    description,
    generateSecretString: {
      secretStringTemplate: JSON.stringify({ kid: 'k0' }),
      generateStringKey: 'key',
      passwordLength: keyLength,
      excludePunctuation: true,
    },
    removalPolicy,
  });
  Validations.of(secret).acknowledge({
    id: 'AwsSolutions-SMG4',
    reason:
      "Rotated with no deploy by the runbook's two steps (infra/ops/rotate-keys.ts: rotate, then retire after the overlap), " +
      "not by a scheduled rotation Lambda: the session key's previous version must stay accepted for a session's 12 hours, " +
      "the invitation key's for the 7 days a batch it sealed may be downloaded again, " +
      'and the origin value must reach the distribution between the two steps, which a four-step rotation function cannot wait for.',
  });
  return secret;
}

/**
 * The functions that seal or open invitation batches' secrets (shared/domain/batch-secrets.ts,
 * through issue-invitations.ts; each says so in its shared/route-table/ file): only they get the invitation key's ARN and may read it.
 */
const [originAuthorizerFunction] = authorizerFunctions;

export const SEALS_INVITATION_BATCHES: ReadonlySet<string> = new Set(allFunctionSpecs.filter((f) => f.sealsInvitationBatches).map((f) => f.fn));
/** 43 letters and digits are valid base64url of 32 bytes (AES-256's key), about 254 random bits. */
const INVITATION_KEY_CHARS = 43;

/** 'question-bank' -> 'QuestionBank': stable construct ids, so logical ids survive reordering. */
function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** 'GET /inspections/{id}/cases/{caseRef}' -> 'GetInspectionsByIdCasesByCaseRef'. */
function routeId(route: RouteSpec): string {
  const segments = route.path
    .split('/')
    .filter(Boolean)
    .map((s) =>
      s
        .replace(/^\{(\w+)\+\}$/, 'Any-$1')
        .replace(/^\{(\w+)\}$/, 'By-$1')
        .replace(/\./g, '-dot-'),
    );
  return pascal([route.method.toLowerCase(), ...segments].join('-')) || pascal(route.method.toLowerCase());
}

function requireFnName(fn: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(fn)) throw new Error(`Function name '${fn}' must be kebab-case (functions/<fn>.ts)`);
  return fn;
}

export function isRoleList(access: RouteSpec['access']): access is readonly (typeof ROLES)[number][] {
  return Array.isArray(access);
}

export class CollectorStack extends Stack {
  readonly table: Table;
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  readonly userPoolDomain: UserPoolDomain;
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** Keyed by `fn` for HTTP functions, `schedule:<fn>` for scheduled ones. */
  readonly functions = new Map<string, NodejsFunction>();
  /** The alias `live` of each function, keyed as `functions`: what every caller invokes (deploys.ts). */
  readonly aliases = new Map<string, Alias>();
  /** The nested stacks holding the functions and their gradual deployments (deploys.ts). */
  readonly functionStack: Functions;
  readonly deploys: Deploys;
  readonly routes = new Map<string, HttpRoute>();
  readonly monitoring: Monitoring;
  readonly config: StageConfig;
  /** None where the stage does not retain its data (staging): see backup.ts. */
  readonly backupPlan?: BackupPlan;
  readonly edge?: Edge;
  /** The origin every link is built from (PUBLIC_BASE_URL in every function). */
  readonly publicBaseUrl: string;
  /** Read at run time by every function behind the edge (shared/http/origin-verify.ts). */
  readonly originVerifySecret?: Secret;
  /** Read at run time by the page functions (shared/http/keys.ts). */
  readonly sessionKeySecret: Secret;
  /** Read at run time by SEALS_INVITATION_BATCHES only (shared/domain/batch-secrets.ts). */
  readonly invitationKeySecret: Secret;
  private readonly logRetention: RetentionDays;
  private readonly logRemoval: RemovalPolicy;

  get alarms(): Alarm[] {
    return this.monitoring.alarms;
  }

  constructor(scope: Construct, id: string, props: CollectorStackProps = {}) {
    super(scope, id, props);
    // The local stand-ins (the sign-in page that picks a role) are never deployed.
    // With the edge, CloudFront serves the static files from S3: no function, no route for them.
    const tableRoutes = deployedRoutes(props.routes ?? (ROUTES as readonly RouteSpec[]));
    const routeList = tableRoutes.filter((route) => !(props.webAclArn && route.servedByEdge));
    const scheduleList = props.schedules ?? SCHEDULES;
    const extraFiles = props.extraFiles ?? EXTRA_FILES;
    const config = (this.config = props.config ?? loadStage('staging'));
    const removalPolicy = config.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.logRetention = retentionDays(config.logRetentionDays);
    this.logRemoval = removalPolicy;
    this.monitoring = new Monitoring(this, 'Monitoring', {
      alarmEmail: config.alarmEmail,
      alarmWebhookUrl: config.alarmWebhookUrl,
      dashboardName: `omi-collector-${config.stage}`,
    });
    // Every resource: which service, which stage, and that it holds personal data (offender
    // profiles, victims' answers): OFFICIAL-SENSITIVE under the Government Security Classifications.
    Tags.of(this).add('service', SERVICE);
    Tags.of(this).add('stage', config.stage);
    Tags.of(this).add('data-classification', DATA_CLASSIFICATION);

    // ---- Storage ---------------------------------------------------------------------------
    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: config.retain,
      // AWS managed key (aws/dynamodb), not a customer-managed one: see "Encryption keys" in
      // docs/runbook.md for the decision and what would change it.
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: TABLE.ttlAttribute,
      // The stale marking reads changes here, off the request path (streamConsumers in shared/routes.ts).
      stream: StreamViewType[TABLE.streamViewType],
      removalPolicy,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: TABLE.gsi1.name,
      partitionKey: { name: TABLE.gsi1.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.gsi1.sortKey, type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });

    // Before the identity: the app client's callback URL defaults to the API's own address.
    this.api = new HttpApi(this, 'Api', {
      description: 'The collector for probation inspections',
      createDefaultStage: false,
      // With a domain, CloudFront reaches the API through origin.<domain>: nobody needs the
      // execute-api address, and a link built on it would die with the API.
      disableExecuteApiEndpoint: config.domain !== null && props.webAclArn !== undefined,
    });

    // ---- Edge ------------------------------------------------------------------------------
    // CloudFront (+ WAF) in front of the API and the assets bucket. Its stage is made here, early,
    // because every link and the sign-in callback are built from the edge's address.
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: retentionDays(config.accessLogRetentionDays),
      removalPolicy,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE.stage,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
    if (props.webAclArn) {
      // The API's own address stays reachable (CloudFront needs an origin), and a request sent
      // there would skip the WAF: CloudFront proves itself with this header and the functions
      // refuse any request without it (shared/http/origin-verify.ts).
      this.originVerifySecret = keySecret(
        this,
        'OriginVerifySecret',
        'The header CloudFront adds to every request to the API ({"kid","key"}); requests without it are refused',
        removalPolicy,
      );
      if (config.domain && !config.originCertificateArn)
        throw new Error(
          `stage '${config.stage}': a domain needs originCertificateArn (a certificate for origin.${config.domain.domainName} in ${config.region})`,
        );
      this.edge = new Edge(this, 'Edge', {
        api: this.api,
        stage: this.stage,
        webAclArn: props.webAclArn,
        domain: config.domain,
        originCertificateArn: config.originCertificateArn,
        repoRoot: REPO_ROOT,
        retain: config.retain,
        originVerifySecret: this.originVerifySecret,
      });
    }

    // ---- Identity --------------------------------------------------------------------------
    this.userPool = new UserPool(this, 'UserPool', {
      // Inspectorate staff only; an admin creates every account.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      email: cognitoMail(config),
      signInCaseSensitive: false,
      autoVerify: { email: true },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      // Users read case judgements and victims' answers: a password alone is not enough.
      // TOTP only: SMS needs an SNS role and spend limits, and is the weaker factor.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus: compromised-credential checks and adaptive authentication, enforced. A few dozen
      // inspectorate users make the per-user price negligible.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: config.retain,
      removalPolicy,
    });
    for (const role of ROLES) {
      new UserPoolGroup(this, `Group${pascal(role)}`, {
        userPool: this.userPool,
        groupName: role,
        description: `The '${role}' role (cognito:groups claim, see shared/core/roles.ts)`,
      });
    }
    // The workbench signs in through Cognito's managed login (authorization code + PKCE, see
    // functions/sign-in.ts). cdk.json's context may name the public base URL (a custom domain)
    // and the domain prefix; by default the callback is the API's own URL.
    // Every link (invitations, report links, the sign-in callback) is built from this, never from a Host header.
    const baseUrl = String(this.node.tryGetContext('omi:baseUrl') ?? '').replace(/\/+$/, '') || this.edge?.url || this.api.apiEndpoint;
    this.publicBaseUrl = baseUrl;
    const callbackUrl = `${baseUrl}/auth/callback`;
    const signOutUrl = `${baseUrl}/`;
    // Unique per account and stage, so two stages live side by side.
    const domainPrefix = String(this.node.tryGetContext('omi:cognitoDomainPrefix') ?? '') || `omi-collector-${config.stage}-${Aws.ACCOUNT_ID}`;
    this.userPoolDomain = this.userPool.addDomain('LoginDomain', {
      cognitoDomain: { domainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    this.userPoolClient = this.userPool.addClient('WebClient', {
      // A public client: the secret would sit in a Lambda's environment; PKCE protects the code instead.
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        // profile: the person's name for the admin's list of who is signed in.
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [callbackUrl],
        logoutUrls: [signOutUrl],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    // The newer managed login shows nothing until the client has a style; Cognito's own will do.
    new CfnManagedLoginBranding(this, 'LoginBranding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.userPoolClient.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    // Signs the workbench's session cookies, CSRF tokens and form stash. The page functions get
    // its ARN, never its value, and read it at run time (shared/http/keys.ts).
    this.sessionKeySecret = keySecret(
      this,
      'SessionSecret',
      'HS256 key of the workbench sessions, CSRF tokens and form stash ({"kid","key"}, shared/http/keys.ts)',
      RemovalPolicy.DESTROY,
    );
    // Seals each invitation batch's secret while its links may be downloaded again (7 days at
    // most). Kept as long as the table, which holds what it sealed.
    this.invitationKeySecret = keySecret(
      this,
      'InvitationKeySecret',
      'AES-256 key sealing invitation batches\' secrets for 7 days ({"kid","key"}, key: 32 bytes base64url; shared/domain/batch-secrets.ts)',
      removalPolicy,
      INVITATION_KEY_CHARS,
    );
    const cognitoIssuer = `https://cognito-idp.${Aws.REGION}.${Aws.URL_SUFFIX}/${this.userPool.userPoolId}`;
    // The sign-in's provider (shared/http/oidc.ts): locally the same variables name the local provider.
    const pageEnvironment: Record<string, string> = {
      [KEY_ARN_ENV.session]: this.sessionKeySecret.secretArn,
      OMI_SECURE_COOKIES: '1',
      OMI_OIDC_ISSUER: cognitoIssuer,
      OMI_OIDC_DOMAIN: this.userPoolDomain.baseUrl(),
      OMI_OIDC_CLIENT_ID: this.userPoolClient.userPoolClientId,
      OMI_CALLBACK_URL: callbackUrl,
      OMI_SIGN_OUT_URL: signOutUrl,
    };
    const authorizer = new HttpJwtAuthorizer('CognitoJwt', cognitoIssuer, {
      jwtAudience: [this.userPoolClient.userPoolClientId],
      identitySource: ['$request.header.Authorization'],
    });

    // ---- Functions, in nested stacks, so that the collector stack keeps room to grow (deploys.ts).
    this.deploys = new Deploys(this, 'Deploys', config.stage);
    this.functionStack = new Functions(this, 'Functions');
    // The groups before the aliases that name them (deploys.ts).
    this.functionStack.addStackDependency(this.deploys);

    // Every route without the JWT authorizer: a request must carry CloudFront's header before any
    // route's function runs (a missing header is refused by API Gateway itself, invoking nothing).
    // (A stack with no routes, as the room-to-grow test builds, has nothing to guard.)
    const originAuthorizer =
      this.originVerifySecret && routeList.length > 0
        ? new HttpLambdaAuthorizer('EdgeOrigin', this.originAuthorizerFn(extraFiles), {
            responseTypes: [HttpLambdaResponseType.SIMPLE],
            identitySource: [`$request.header.${ORIGIN_VERIFY_HEADER}`],
            resultsCacheTtl: ORIGIN_AUTHORIZER_CACHE,
          })
        : undefined;

    // ---- Functions -------------------------------------------------------------------------
    const pageFns = new Set<string>(routeList.filter(isSessionRoute).map((r) => r.fn));
    for (const fn of new Set(routeList.map((route) => requireFnName(route.fn)))) {
      const data: DataAccess = functionData[fn as keyof typeof functionData];
      this.makeFunction(`${pascal(fn)}Fn`, fn, data, FUNCTION_DEFAULTS.httpTimeout, extraFiles, undefined, pageFns.has(fn) ? pageEnvironment : {});
    }

    // ---- HTTP API --------------------------------------------------------------------------
    const cfnStage = this.stage.node.defaultChild as CfnStage;

    const integrations = new Map<string, HttpLambdaIntegration>();
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    const ids = new Set<string>();
    for (const route of routeList) {
      const key = routeKeyOf(route);
      const id = routeId(route);
      if (ids.has(id)) throw new Error(`Two routes map to the construct id ${id}; rename one (${key})`);
      ids.add(id);
      let integration = integrations.get(route.fn);
      if (!integration) {
        // One invoke permission per function for this API, not one per route: a permission per
        // route took ~100 of CloudFormation's 500 resources a stack may hold. A function still
        // answers only its own routes (the middleware stack refuses any other route key).
        integration = new HttpLambdaIntegration(`${pascal(route.fn)}Integration`, this.aliases.get(route.fn)!, { scopePermissionToRoute: false });
        integrations.set(route.fn, integration);
      }
      const httpRoute = new HttpRoute(this, `Route${id}`, {
        httpApi: this.api,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration,
        // The pages check our session cookie themselves and must never see a bearer token demanded:
        // they, the respondents' and the public routes take the origin authorizer. The JSON routes keep
        // the JWT one (a route takes one authorizer), which refuses anyone without a Cognito token,
        // invoking nothing; the functions' own header check refuses staff who go round the edge.
        authorizer: isRoleList(route.access) && !isSessionRoute(route) ? authorizer : originAuthorizer,
      });
      this.routes.set(key, httpRoute);

      if (isSessionRoute(route)) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            `${key} is a workbench page: its function checks the signed session cookie (HS256, 12 hours at most, set only ` +
            `after aws-jwt-verify has checked Cognito's ID token) and its roles from the route table, sends a signed-out ` +
            `browser to Cognito's managed login, and checks a CSRF token and Origin on every form. A JWT authorizer would ` +
            `demand a bearer header that a browser navigating pages never sends.`,
        });
      } else if (route.access === 'token') {
        routeSettings[key] = {
          ThrottlingRateLimit: THROTTLE.tokenRoute.rateLimit,
          ThrottlingBurstLimit: THROTTLE.tokenRoute.burstLimit,
        };
        // Route settings name the route by key; CloudFormation must create it first.
        cfnStage.node.addDependency(httpRoute);
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: key.includes('/reports/')
            ? `${key} opens a report through a capability link: an unguessable 128-bit token in the path, made by a ` +
              `signed-in user, stored only as its SHA-256 hash and valid for hours. The handler answers 404 unknown / ` +
              `410 expired; the route is throttled to ${THROTTLE.tokenRoute.rateLimit} rps.`
            : `${key} is a respondent route: offenders, victims and sentencers have no accounts, and the one-time ` +
              `questionnaire token in the path is the credential. The handler looks up the token's SHA-256 hash and ` +
              `answers 404 unknown / 409 used / 410 expired; the route is throttled to ${THROTTLE.tokenRoute.rateLimit} rps.`,
        });
      } else if (route.access === 'public') {
        const fnData = functionData[route.fn];
        if (fnData.actions.length > 0) {
          throw new Error(
            `${key} is public but its function '${route.fn}' gets table access (${fnData.actions.join(', ')}); make it 'token' or a role list, ` +
              `or review it and give it its own acknowledgement here`,
          );
        }
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            `${key} (${route.summary}) is public by design in shared/routes.ts: it serves only non-personal, ` +
            `static content and its function has no DynamoDB permissions.`,
        });
      }
    }
    if (Object.keys(routeSettings).length > 0) cfnStage.routeSettings = routeSettings;

    const monitoring = this.monitoring;
    const api5xx = this.api.metricServerError({ period: ALARM_PERIOD, statistic: 'Sum' });
    const apiRequests = this.api.metricCount({ period: ALARM_PERIOD, statistic: 'Sum' });
    // A rate, not a count: one failed request among thousands pages nobody; a few in a quiet
    // hour (API_5XX.minErrors) still do, because then they are most of what people tried.
    const api5xxRate = new MathExpression({
      expression: `IF(errors >= ${API_5XX.minErrors}, 100 * errors / MAX([requests, errors]), 0)`,
      usingMetrics: { errors: api5xx, requests: apiRequests },
      period: ALARM_PERIOD,
      label: 'API 5xx (% of requests)',
    });
    const api5xxRateAlarm = monitoring.alarm(this, 'Api5xxRateAlarm', {
      alarmDescription: `Over ${API_5XX.percent}% of the API's answers (and at least ${API_5XX.minErrors}) were 5xx in 2 of the last 3 five-minute periods: handlers failing or timing out (see the access log and the function logs).`,
      metric: api5xxRate,
      threshold: API_5XX.percent,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
    });
    // A new version of an HTTP function that fails people rolls back on this too, not only on its own errors.
    this.deploys.rollBackOn('http', api5xxRateAlarm);
    const apiP99 = this.api.metricLatency({ period: ALARM_PERIOD, statistic: 'p99' });
    monitoring.alarm(
      this,
      'ApiLatencyAlarm',
      {
        alarmDescription: `The API's p99 latency was above ${API_P99_MS} ms for 15 minutes: slow pages for everyone (DynamoDB, a cold-start storm, or a big inspection).`,
        metric: apiP99,
        threshold: API_P99_MS,
        evaluationPeriods: 3,
      },
      'ticket',
    );
    // HTTP APIs publish 4xx but not 429 on its own: count the access log's throttled lines.
    const throttled = new MetricFilter(this, 'Api429Filter', {
      logGroup: accessLogs,
      filterPattern: FilterPattern.stringValue('$.status', '=', '429'),
      metricNamespace: `OmiCollector/${config.stage}`,
      metricName: 'Api429',
      metricValue: '1',
      defaultValue: 0,
    });
    const api429 = throttled.metric({ period: ALARM_PERIOD, statistic: 'Sum' });
    monitoring.alarm(
      this,
      'Api429Alarm',
      {
        alarmDescription: `The HTTP API throttled more than ${API_429_THRESHOLD} requests in 5 minutes: a client is looping, or the load outgrew the route throttles.`,
        metric: api429,
        threshold: API_429_THRESHOLD,
      },
      'ticket',
    );
    monitoring.graph('API: 5xx, 4xx, 429', [api5xx, this.api.metricClientError({ period: ALARM_PERIOD, statistic: 'Sum' }), api429]);
    monitoring.graph('API: requests and p99 latency (ms)', [
      this.api.metricCount({ period: ALARM_PERIOD }),
      this.api.metricLatency({ period: ALARM_PERIOD, statistic: 'p99' }),
    ]);

    // DynamoDB: throttles and service errors on every operation some function may send.
    const operations = [
      ...new Set(
        [
          ...Object.values(functionData),
          ...scheduleList.map((x) => x.data),
          ...(props.streamConsumers ?? STREAM_CONSUMERS).map((x) => x.data),
          ...(props.queueConsumers ?? QUEUE_CONSUMERS).map((x) => x.data),
        ].flatMap((d) => d.actions),
      ),
    ]
      .map((a) => OPERATIONS[a])
      .filter((o): o is Operation => o !== undefined);
    if (operations.length > 0) {
      const tableThrottles = this.table.metricThrottledRequestsForOperations({ operations, period: ALARM_PERIOD });
      const tableErrors = this.table.metricSystemErrorsForOperations({ operations, period: ALARM_PERIOD });
      monitoring.alarm(
        this,
        'TableThrottleAlarm',
        {
          alarmDescription:
            'DynamoDB throttled requests on the table in 2 five-minute periods running (on-demand capacity doubling, or a hot partition).',
          metric: tableThrottles,
          threshold: 0,
          evaluationPeriods: 2,
        },
        'ticket',
      );
      monitoring.alarm(this, 'TableSystemErrorAlarm', {
        alarmDescription: 'DynamoDB answered requests with system errors (HTTP 500): an AWS-side problem; check the AWS Health dashboard.',
        metric: tableErrors,
        threshold: 0,
      });
      // One graph each: both expressions name their metrics by operation.
      monitoring.graph('DynamoDB: throttled requests', [tableThrottles]);
      monitoring.graph('DynamoDB: system errors', [tableErrors]);
    }

    // ---- Work queues -----------------------------------------------------------------------
    // Made before their senders (the schedules), which get the queue's URL and SendMessage only.
    const queueList = props.queueConsumers ?? QUEUE_CONSUMERS;
    const sendersOf = new Map<string, { env: string; queue: Queue; windowSeconds: number }[]>();
    for (const consumer of queueList) {
      const fn = requireFnName(consumer.fn);
      const base = `Queue${pascal(fn)}`;
      const dlq = new Queue(this, `${base}Dlq`, { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
      const queue = new Queue(this, `${base}Queue`, {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        visibilityTimeout: Duration.seconds(consumer.visibilityTimeoutSeconds),
        // A unit older than a day is redone by a later dispatch anyway (its marker stays).
        retentionPeriod: Duration.days(1),
        deadLetterQueue: { queue: dlq, maxReceiveCount: consumer.maxReceiveCount },
      });
      this.makeFunction(`${base}Fn`, `queue:${fn}`, consumer.data, FUNCTION_DEFAULTS.scheduledTimeout, extraFiles);
      this.aliases
        .get(`queue:${fn}`)!
        .addEventSource(
          new SqsEventSource(queue, { batchSize: consumer.batchSize, maxConcurrency: consumer.maxConcurrency, reportBatchItemFailures: true }),
        );
      for (const sender of consumer.senders) {
        // An HTTP function (made above) gets the queue's URL and SendMessage now; a schedule gets them when it is made, below.
        const httpSender = this.functions.get(sender);
        if (httpSender) {
          httpSender.addEnvironment(consumer.env, queue.queueUrl);
          queue.grantSendMessages(httpSender);
        } else
          sendersOf.set(sender, [...(sendersOf.get(sender) ?? []), { env: consumer.env, queue, windowSeconds: consumer.visibilityTimeoutSeconds }]);
      }
      const dlqSent = dlq.metricNumberOfMessagesSent({ period: ALARM_PERIOD, statistic: 'Sum' });
      monitoring.alarm(
        this,
        `${base}DlqAlarm`,
        {
          alarmDescription: `Work for '${fn}' failed ${consumer.maxReceiveCount} times and was moved to its dead-letter queue (${consumer.queue === 'jobs' ? 'its last delivery took the work back and failed the job' : 'its stale marker stays: the next dispatch retries it'}).`,
          metric: dlqSent,
          threshold: 0,
        },
        'ticket',
      );
      const oldest = queue.metricApproximateAgeOfOldestMessage({ period: ALARM_PERIOD, statistic: 'Maximum' });
      monitoring.alarm(
        this,
        `${base}AgeAlarm`,
        {
          alarmDescription: `Work for '${fn}' has waited over ${QUEUE_AGE_ALARM_MINUTES} minutes: the workers cannot keep up (raise maxConcurrency) or keep failing.`,
          metric: oldest,
          threshold: QUEUE_AGE_ALARM_MINUTES * 60,
        },
        'ticket',
      );
      monitoring.graph(`Queue ${consumer.queue}: oldest message (s), dead letters`, [oldest, dlqSent]);
    }

    // ---- Schedules -------------------------------------------------------------------------
    for (const schedule of scheduleList) {
      const fn = requireFnName(schedule.fn);
      const base = `Scheduled${pascal(fn)}`;
      if (this.node.tryFindChild(`${base}Fn`)) throw new Error(`schedules lists '${fn}' twice`);
      const minutes = Math.max(1, Math.ceil(schedule.everySeconds / 60));
      // One queue catches both failure paths: EventBridge failing to deliver, and the function
      // failing after Lambda's own async retries.
      const dlq = new Queue(this, `${base}Dlq`, {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      Validations.of(dlq).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason:
          "This queue is the scheduled function's and its rule's dead-letter queue (the function is in the nested Functions stack, where cdk-nag cannot see it used as one); it has no consumer to fail.",
      });
      const handler = this.makeFunction(
        `${base}Fn`,
        `schedule:${fn}`,
        schedule.data,
        FUNCTION_DEFAULTS.scheduledTimeout,
        extraFiles,
        {
          deadLetterQueue: dlq,
          maxEventAge: SCHEDULE_RETRIES.functionMaxEventAge,
          retryAttempts: SCHEDULE_RETRIES.functionRetryAttempts,
          // No reserved concurrency: a new account's quota of 10 refuses any reservation, and the
          // dispatch needs none, since runs that overlap claim each inspection once (claimDispatch).
        },
        Object.fromEntries(
          (sendersOf.get(fn) ?? []).flatMap((s) => [
            [s.env, s.queue.queueUrl],
            ['AGGREGATION_DISPATCH_WINDOW_S', String(s.windowSeconds)],
          ]),
        ),
      );
      for (const { queue } of sendersOf.get(fn) ?? []) queue.grantSendMessages(handler);
      new Rule(this, `${base}Rule`, {
        description: `${schedule.summary} (every ${minutes} min)`,
        schedule: Schedule.rate(Duration.minutes(minutes)),
        targets: [
          new LambdaFunction(this.aliases.get(`schedule:${fn}`)!, {
            deadLetterQueue: dlq,
            // These cover delivery only (Lambda accepting the async event); the run's own
            // failures are retried by Lambda under the function's settings above.
            retryAttempts: SCHEDULE_RETRIES.deliveryRetryAttempts,
            maxEventAge: SCHEDULE_RETRIES.deliveryMaxEventAge,
          }),
        ],
      });
      // Messages *sent*: a queue that keeps a failure for 14 days would stay red and never fire again.
      const dlqSent = dlq.metricNumberOfMessagesSent({ period: ALARM_PERIOD, statistic: 'Sum' });
      monitoring.alarm(this, `${base}DlqAlarm`, {
        alarmDescription: `A scheduled '${fn}' run failed after its retries (or could not be delivered) and landed in its dead-letter queue.`,
        metric: dlqSent,
        threshold: 0,
      });
      // Succeeded = invocations - errors; no data (no run at all) counts as not succeeded.
      const interval = Duration.minutes(minutes * 3);
      const succeeded = new MathExpression({
        expression: 'FILL(invocations, 0) - FILL(errors, 0)',
        usingMetrics: {
          invocations: handler.metricInvocations({ period: interval, statistic: 'Sum' }),
          errors: handler.metricErrors({ period: interval, statistic: 'Sum' }),
        },
        period: interval,
        label: `${fn} runs succeeded`,
      });
      monitoring.alarm(this, `${base}NotSucceededAlarm`, {
        alarmDescription: `No scheduled '${fn}' run succeeded in three intervals (${minutes * 3} min): summaries are going stale.`,
        metric: succeeded,
        threshold: 1,
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.BREACHING,
      });
      monitoring.graph(`Schedule ${fn}: runs succeeded, dead letters`, [succeeded, dlqSent]);
    }

    // ---- Stream consumers --------------------------------------------------------------------
    for (const consumer of props.streamConsumers ?? STREAM_CONSUMERS) {
      const fn = requireFnName(consumer.fn);
      const base = `Stream${pascal(fn)}`;
      // Batches that still fail after the retries, halved down to the one bad record, land here
      // (as a pointer to the records: shard and sequence numbers, no item data).
      const dlq = new Queue(this, `${base}Dlq`, { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
      Validations.of(dlq).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason:
          "This queue is the stream event source mapping's on-failure destination (a dead-letter queue cdk-nag does not recognise as one); it has no consumer to fail.",
      });
      const handler = this.makeFunction(`${base}Fn`, `stream:${fn}`, consumer.data, FUNCTION_DEFAULTS.scheduledTimeout, extraFiles);
      this.aliases.get(`stream:${fn}`)!.addEventSource(
        new DynamoEventSource(this.table, {
          startingPosition: StartingPosition.TRIM_HORIZON,
          batchSize: consumer.batchSize,
          // A second's window gathers a burst of sends into one marker write per inspection.
          maxBatchingWindow: Duration.seconds(1),
          bisectBatchOnError: true,
          retryAttempts: STREAM_RETRIES.retryAttempts,
          maxRecordAge: STREAM_RETRIES.maxRecordAge,
          onFailure: new SqsDlq(dlq),
        }),
      );
      const dlqSent = dlq.metricNumberOfMessagesSent({ period: ALARM_PERIOD, statistic: 'Sum' });
      monitoring.alarm(this, `${base}DlqAlarm`, {
        alarmDescription: `The table's stream consumer '${fn}' gave up on records after its retries: those changes are not marked for aggregation (recompute the inspections by hand).`,
        metric: dlqSent,
        threshold: 0,
      });
      const iteratorAge = handler.metric('IteratorAge', { period: ALARM_PERIOD, statistic: 'Maximum' });
      monitoring.alarm(
        this,
        `${base}IteratorAgeAlarm`,
        {
          alarmDescription: `The table's stream consumer '${fn}' is more than ${STREAM_RETRIES.iteratorAgeAlarmMinutes} minutes behind: summaries lag the changes.`,
          metric: iteratorAge,
          threshold: STREAM_RETRIES.iteratorAgeAlarmMinutes * 60_000,
        },
        'ticket',
      );
      monitoring.graph(`Stream ${fn}: iterator age (ms), dead letters`, [iteratorAge, dlqSent]);
    }

    // Every function on the dashboard: errors, throttles, p99 duration against its timeout. The
    // HTTP functions alarm through the API's 5xx rate; the others, which no person waits on, on
    // repeated errors (their retries and dead letters alarm above).
    for (const [key, handler] of this.functions) {
      const id = `${pascal(key.replace(/^schedule:/, 'scheduled-'))}`;
      const background = /^(schedule|stream|queue):/.test(key);
      const timeoutMs = (background ? FUNCTION_DEFAULTS.scheduledTimeout : FUNCTION_DEFAULTS.httpTimeout).toMilliseconds();
      const errors = handler.metricErrors({ period: ALARM_PERIOD, statistic: 'Sum' });
      const throttles = handler.metricThrottles({ period: ALARM_PERIOD, statistic: 'Sum' });
      const p99 = handler.metricDuration({ period: ALARM_PERIOD, statistic: 'p99' });
      if (background) {
        monitoring.alarm(
          handler,
          `${id}ErrorsAlarm`,
          {
            alarmDescription: `functions/${key.replace(/^(schedule|stream|queue):/, '')}.ts failed in 3 five-minute periods running (its log group has the request ids).`,
            metric: errors,
            threshold: 0,
            evaluationPeriods: 3,
          },
          'ticket',
        );
      }
      monitoring.graph(`${key}: errors, throttles`, [errors, throttles], 6);
      monitoring.graph(`${key}: p99 duration (ms; timeout ${timeoutMs})`, [p99], 6);
    }

    // Cognito's threat protection: sign-ins it judged high risk (compromised credentials, account takeover).
    const risky = new MathExpression({
      expression: 'FILL(takeover, 0) + FILL(compromised, 0)',
      usingMetrics: Object.fromEntries(
        [
          ['takeover', 'AccountTakeoverRisk'],
          ['compromised', 'CompromisedCredentialRisk'],
        ].map(([key, metricName]) => [
          key,
          new Metric({
            namespace: 'AWS/Cognito',
            metricName: metricName!,
            dimensionsMap: { UserPoolId: this.userPool.userPoolId, RiskLevel: 'high' },
            period: ALARM_PERIOD,
            statistic: 'Sum',
          }),
        ]),
      ),
      period: ALARM_PERIOD,
      label: 'Cognito high-risk sign-ins',
    });
    monitoring.alarm(this, 'CognitoRiskAlarm', {
      alarmDescription:
        "Cognito judged a sign-in high risk (compromised credentials or account takeover) and blocked it: somebody may hold a user's password.",
      metric: risky,
      threshold: 0,
    });
    monitoring.graph('Cognito: high-risk sign-ins', [risky]);

    // ---- Backups ---------------------------------------------------------------------------
    this.backupPlan = collectorBackupPlan(this, this.table, config, monitoring);

    // A key that names no function would silently copy nothing: fail instead.
    const built = new Set<string>([
      ...tableRoutes.map((r) => r.fn),
      ...scheduleList.map((s) => s.fn),
      ...(props.streamConsumers ?? STREAM_CONSUMERS).map((s) => s.fn),
      ...(props.queueConsumers ?? QUEUE_CONSUMERS).map((s) => s.fn),
    ]);
    for (const fn of Object.keys(extraFiles)) {
      if (!built.has(fn)) throw new Error(`EXTRA_FILES names '${fn}', which is neither a route's fn nor a schedule's`);
    }

    businessAlarms(this, monitoring, config.stage);

    // Last: the composite alarms over everything above, the only alarms that notify.
    monitoring.notify(`omi-collector-${config.stage}`);

    // ---- Outputs ---------------------------------------------------------------------------
    new CfnOutput(this, 'ApiUrl', { value: this.stage.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'SignInUrl', { value: `${baseUrl}/sign-in`, description: 'The workbench: Cognito managed login, then the pages' });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }

  /** The origin authorizer's alias: no table, the origin secret only (makeFunction grants it to every function behind the edge). */
  private originAuthorizerFn(extraFiles: Record<string, readonly ExtraFile[]>): IFunction {
    const key = `authorizer:${originAuthorizerFunction.fn}`;
    this.makeFunction('OriginAuthorizerFn', key, originAuthorizerFunction.data, ORIGIN_AUTHORIZER_TIMEOUT, extraFiles);
    return this.aliases.get(key)!;
  }

  /** A function (`key`: its fn, or `schedule:`/`queue:`/`stream:`/`authorizer:` and its fn), published behind the alias `live` and deployed gradually. */
  private makeFunction(
    id: string,
    key: string,
    data: DataAccess,
    timeout: Duration,
    extraFiles: Record<string, readonly ExtraFile[]>,
    async?: { deadLetterQueue: Queue; maxEventAge: Duration; retryAttempts: number },
    extraEnvironment: Record<string, string> = {},
  ): NodejsFunction {
    const fn = key.replace(/^(schedule|queue|stream|authorizer):/, '');
    const scope = this.functionStack;
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: this.logRetention,
      removalPolicy: this.logRemoval,
    });
    // Our own role: logs to its own group only, instead of AWSLambdaBasicExecutionRole's
    // logs:* on every group in the account.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `functions/${fn}.ts (table: ${data.actions.join(', ') || 'none'}${data.index ? `; ${TABLE.gsi1.name}: Query` : ''})`,
    });
    logGroup.grantWrite(role);

    const functionName = functionNameOf(this.config.stage, key);
    const handler = new NodejsFunction(scope, id, {
      functionName,
      entry: join(REPO_ROOT, 'functions', `${fn}.ts`),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: FUNCTION_DEFAULTS.memorySize,
      timeout,
      role,
      logGroup,
      tracing: Tracing.ACTIVE,
      environment: {
        TABLE_NAME: this.table.tableName,
        PUBLIC_BASE_URL: this.publicBaseUrl,
        OMI_CASE_RETENTION_DAYS: String(this.config.caseRetentionDays),
        // ARNs only: the values are read at run time (shared/http/keys.ts), so a rotation needs no deploy.
        ...(this.originVerifySecret ? { [KEY_ARN_ENV.origin]: this.originVerifySecret.secretArn } : {}),
        ...(SEALS_INVITATION_BATCHES.has(fn) ? { [KEY_ARN_ENV.invitation]: this.invitationKeySecret.secretArn } : {}),
        NODE_OPTIONS: '--enable-source-maps',
        [METRICS_NAMESPACE_ENV]: metricsNamespace(this.config.stage),
        ...extraEnvironment,
      },
      ...(async ?? {}),
      bundling: {
        minify: BUNDLE.minify,
        sourceMap: BUNDLE.sourcemap,
        sourcesContent: BUNDLE.sourcesContent,
        format: BUNDLE.format === 'esm' ? OutputFormat.ESM : OutputFormat.CJS,
        target: BUNDLE.target,
        mainFields: BUNDLE.mainFields,
        banner: BUNDLE.banner,
        externalModules: BUNDLE.external,
        forceDockerBundling: false,
        commandHooks: extraFilesHooks(fn, extraFiles[fn], REPO_ROOT),
      },
    });

    this.originVerifySecret?.grantRead(role);
    if (extraEnvironment[KEY_ARN_ENV.session]) this.sessionKeySecret.grantRead(role);
    if (SEALS_INVITATION_BATCHES.has(fn)) this.invitationKeySecret.grantRead(role);

    // Exactly the actions shared/routes.ts declares for this function (derived from its store
    // calls, see test/infra/access-map.test.ts), on this table; the index only where it is queried.
    // Link holders' functions: only their links' partitions (leading-keys.ts).
    const leadingKeys = RESPONDENT_LEADING_KEYS[fn] ?? REPORT_LINK_LEADING_KEYS[fn];
    const deniedKeys = REPORT_LINK_DENIED_KEYS[fn];
    if (data.actions.length > 0) {
      role.addToPrincipalPolicy(
        new PolicyStatement({
          sid: 'Table',
          actions: data.actions.map((a) => `dynamodb:${a}`),
          resources: [this.table.tableArn],
          ...(leadingKeys
            ? { conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...leadingKeys] }, Null: { 'dynamodb:LeadingKeys': 'false' } } }
            : {}),
        }),
      );
      if (deniedKeys) {
        role.addToPrincipalPolicy(
          new PolicyStatement({
            sid: 'NotTheseKeys',
            effect: Effect.DENY,
            actions: data.actions.map((a) => `dynamodb:${a}`),
            resources: [this.table.tableArn],
            conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [...deniedKeys] } },
          }),
        );
      }
    }
    if (data.index) {
      role.addToPrincipalPolicy(
        new PolicyStatement({ sid: 'Index', actions: ['dynamodb:Query'], resources: [`${this.table.tableArn}/index/${TABLE.gsi1.name}`] }),
      );
    }

    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active X-Ray tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no ' +
        'resource-level permissions (Service Authorization Reference, AWS X-Ray); Resource "*" is the only valid form.',
    });
    // Callers invoke the alias; a change publishes a new version, and CodeDeploy moves the alias to it.
    const alias = new Alias(scope, `${id}Live`, {
      aliasName: LIVE_ALIAS,
      version: handler.currentVersion,
      // Asynchronous retries are set per qualifier: the schedule invokes the alias.
      ...(async ? { maxEventAge: async.maxEventAge, retryAttempts: async.retryAttempts } : {}),
    });
    this.deploys.add(key, functionName, alias, /^(schedule|queue|stream):/.test(key) ? 'background' : 'http');
    this.functions.set(key, handler);
    this.aliases.set(key, alias);
    return handler;
  }
}
