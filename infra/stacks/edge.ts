/**
 * The edge: one CloudFront distribution for everything the public reaches. `/assets/*` comes
 * from a private S3 bucket through origin access control, cached for as long as the files say
 * (a year for the versioned CSS and JS and the content-hashed fonts); everything else goes to
 * the HTTP API uncached. The WAF web ACL (waf-stack.ts) sits on the distribution.
 *
 * With a domain in the stage's config, the distribution answers on it (certificate in
 * us-east-1), and reaches the API through an API custom domain, `origin.<domain>`, so that the
 * execute-api endpoint can be switched off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { ApiMapping, DomainName, type HttpApi, type HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { ARecord, AaaaRecord, HostedZone, RecordTarget } from 'aws-cdk-lib/aws-route53';
import { ApiGatewayv2DomainProperties, CloudFrontTarget } from 'aws-cdk-lib/aws-route53-targets';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER } from '#http/origin-verify';
import { SECURITY_HEADERS } from '#http/security-headers';
import { ASSET_VERSION, INIT_SCRIPT } from '#web/common/assets';
import type { DomainConfig } from '#infra/stages';

const GOVUK = 'node_modules/govuk-frontend/dist/govuk';

export interface EdgeProps {
  api: HttpApi;
  stage: HttpStage;
  webAclArn: string;
  domain: DomainConfig | null;
  /** A regional certificate for origin.<domain> (the API's custom domain); needed with a domain. */
  originCertificateArn: string;
  repoRoot: string;
  retain: boolean;
  /** Sent by CloudFront on every request to the API; the functions refuse a request without it. */
  originVerifySecret: Secret;
}

export class Edge extends Construct {
  readonly distribution: Distribution;
  readonly assets: Bucket;
  /** https://<domain> or https://<id>.cloudfront.net. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: EdgeProps) {
    super(scope, id);
    const { domain } = props;

    this.assets = new Bucket(this, 'Assets', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.DESTROY,
      // A stage that keeps nothing (staging) empties it on `cdk destroy`, which otherwise fails on a
      // bucket with objects; a retained stage's bucket is left for CloudFormation to report.
      autoDeleteObjects: !props.retain,
    });
    Validations.of(this.assets).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'The bucket holds only the public GOV.UK Frontend CSS, JavaScript, fonts and images, written by the deployment; ' +
        'readers reach it only through CloudFront (origin access control), so server access logs would record nothing but CloudFront.',
    });

    // The API behind CloudFront: through origin.<domain> with a domain, else the execute-api host.
    let apiHost: string;
    if (domain) {
      const originName = `origin.${domain.domainName}`;
      const apiDomain = new DomainName(this, 'ApiDomain', {
        domainName: originName,
        certificate: Certificate.fromCertificateArn(this, 'OriginCertificate', props.originCertificateArn),
      });
      props.stage.node.addDependency(apiDomain);
      new ApiMapping(this, 'ApiMapping', { api: props.api, domainName: apiDomain, stage: props.stage });
      const zone = HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId: domain.hostedZoneId, zoneName: domain.hostedZoneName });
      new ARecord(this, 'OriginRecord', {
        zone,
        recordName: originName,
        target: RecordTarget.fromAlias(new ApiGatewayv2DomainProperties(apiDomain.regionalDomainName, apiDomain.regionalHostedZoneId)),
      });
      apiHost = originName;
    } else {
      apiHost = Fn.select(2, Fn.split('/', props.api.apiEndpoint));
    }

    // Not cached (TTL 0 unless a response says otherwise, and then at most a second), but the
    // key names Authorization, the cookies and the query string: that is how CloudFront
    // forwards Authorization at all, and it keeps one user's answer from ever reaching another.
    const apiPolicy = new CachePolicy(this, 'ApiCachePolicy', {
      comment: 'The collector API: effectively uncached; Authorization, cookies and query in the key',
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(1),
      headerBehavior: CacheHeaderBehavior.allowList('Authorization'),
      cookieBehavior: CacheCookieBehavior.all(),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    // As the files' own Cache-Control says (a year or a week), with ?v=<release> in the key so
    // that a new GOV.UK Frontend release is a new object to every cache.
    const assetsPolicy = new CachePolicy(this, 'AssetsCachePolicy', {
      comment: 'The collector assets: Cache-Control from S3, ?v= in the key',
      defaultTtl: Duration.days(1),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.days(365),
      headerBehavior: CacheHeaderBehavior.none(),
      cookieBehavior: CacheCookieBehavior.none(),
      queryStringBehavior: CacheQueryStringBehavior.allowList('v'),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const apiHeaders = new ResponseHeadersPolicy(this, 'ApiSecurityHeaders', {
      comment: 'The collector: security headers on every API answer that lacks them',
      securityHeadersBehavior: {
        contentTypeOptions: { override: false },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: false },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: false },
        strictTransportSecurity: { accessControlMaxAge: Duration.seconds(31_536_000), includeSubdomains: true, override: false },
      },
      customHeadersBehavior: { customHeaders: [{ header: 'cache-control', value: SECURITY_HEADERS['cache-control']!, override: false }] },
    });
    // The static files come from S3, which sends none of these: the edge adds them.
    const assetsHeaders = new ResponseHeadersPolicy(this, 'AssetsSecurityHeaders', {
      comment: 'The collector assets: nosniff, HSTS, no referrer',
      securityHeadersBehavior: {
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.seconds(31_536_000), includeSubdomains: true, override: true },
      },
    });
    const certificate = domain ? Certificate.fromCertificateArn(this, 'Certificate', domain.certificateArn) : undefined;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'The collector for probation inspections',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      webAclId: props.webAclArn,
      ...(domain && certificate
        ? { domainNames: [domain.domainName], certificate, minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
      defaultBehavior: {
        origin: new HttpOrigin(apiHost, {
          protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          // Resolved by CloudFormation at deploy (a dynamic reference to the secret's current
          // version), never written into the template; a rotation updates it in place with no
          // deploy (docs/runbook.md, "Rotate the keys"), and a later deploy resolves the same value.
          customHeaders: { [ORIGIN_VERIFY_HEADER]: props.originVerifySecret.secretValueFromJson('key').unsafeUnwrap() },
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: apiPolicy,
        // Everything the viewer sent but Host: API Gateway routes on its own host name.
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        // Our functions set these on every answer; API Gateway's own (the authorizer's 401, a
        // throttled 429) carry none, so the edge adds them where a response lacks them.
        responseHeadersPolicy: apiHeaders,
        compress: true,
      },
      additionalBehaviors: {
        '/assets/*': {
          origin: S3BucketOrigin.withOriginAccessControl(this.assets),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: assetsPolicy,
          responseHeadersPolicy: assetsHeaders,
          compress: true,
        },
      },
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR3',
      reason:
        "CloudFront's standard logs are on, as standard logging v2 with chosen fields (edge-logs.ts, delivered in us-east-1 by the " +
        'watch stack), which cdk-nag does not see: it recognises only the legacy S3 logging, which records every client IP address ' +
        'and full path, and respondent paths carry their questionnaire token.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geographic restriction: respondents are in the UK, but a victim or sentencer abroad must still reach their ' +
        'questionnaire; the WAF IP-reputation and per-IP rate rules handle abuse instead.',
    });
    if (!domain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a domain the distribution uses the default *.cloudfront.net certificate, whose TLS policy cannot be set; ' +
          'a stage with a domain gets TLSv1.2_2021. Only staging may run so: a production stage does not synthesize without a domain (PRODUCTION_STAGES, infra/stages.ts).',
      });
    }

    // The assets, laid out as the URLs name them (shared/web/common/assets.ts), versioned or hashed,
    // so cached a year; images and the manifest keep their names, so a week.
    const year = [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()];
    const week = [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(7))];
    const govuk = (file: string) => readFileSync(join(props.repoRoot, GOVUK, file), 'utf8');
    new BucketDeployment(this, 'VersionedAssets', {
      destinationBucket: this.assets,
      destinationKeyPrefix: 'assets/',
      sources: [
        Source.data('css/govuk-frontend.min.css', govuk('govuk-frontend.min.css')),
        Source.data('js/govuk-frontend.min.js', govuk('govuk-frontend.min.js')),
        Source.data('js/init.mjs', INIT_SCRIPT),
        Source.asset(join(props.repoRoot, GOVUK, 'assets'), { exclude: ['images/*', 'manifest.json'] }),
      ],
      cacheControl: year,
      // The other deployment writes beside these.
      prune: false,
      metadata: { 'govuk-frontend': ASSET_VERSION },
    });
    new BucketDeployment(this, 'NamedAssets', {
      destinationBucket: this.assets,
      destinationKeyPrefix: 'assets/',
      sources: [Source.asset(join(props.repoRoot, GOVUK, 'assets'), { exclude: ['fonts/*', 'rebrand/*'] })],
      cacheControl: week,
      // No invalidation: these change only with a GOV.UK Frontend release and may be a week old.
      prune: false,
    });
    // The one Lambda behind both deployments (CDK makes it a singleton at stack level).
    for (const child of Stack.of(this).node.children) {
      if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
      const deployOnly = "aws-cdk-lib's BucketDeployment handler, which runs only while CloudFormation deploys the assets";
      Validations.of(child).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: `${deployOnly}: the managed policy lets it write its own logs, nothing else.`,
      });
      for (const finding of ['Action::s3:GetBucket*', 'Action::s3:GetObject*', 'Action::s3:List*', 'Action::s3:Abort*', 'Action::s3:DeleteObject*']) {
        Validations.of(child).acknowledge({
          id: `AwsSolutions-IAM5[${finding}]`,
          reason: `${deployOnly}: CDK's grantRead on the CDK asset bucket and grantReadWrite on the assets bucket, limited to those two buckets.`,
        });
      }
      for (const bucket of [
        `arn:aws:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${Stack.of(this).region}/*`,
        `<${Stack.of(this).getLogicalId(this.assets.node.defaultChild as CfnBucket)}.Arn>/*`,
      ]) {
        Validations.of(child).acknowledge({
          id: `AwsSolutions-IAM5[Resource::${bucket}]`,
          reason: `${deployOnly}: it reads the staged asset zip and writes every object of the assets bucket, so it needs the objects of those two buckets.`,
        });
      }
      Validations.of(child).acknowledge({
        id: 'AwsSolutions-L1',
        reason: `${deployOnly}: its Python runtime is chosen by aws-cdk-lib and moves with it; it serves no request.`,
      });
    }

    if (domain) {
      const zone = HostedZone.fromHostedZoneAttributes(this, 'SiteZone', { hostedZoneId: domain.hostedZoneId, zoneName: domain.hostedZoneName });
      const target = RecordTarget.fromAlias(new CloudFrontTarget(this.distribution));
      new ARecord(this, 'SiteRecord', { zone, recordName: domain.domainName, target });
      new AaaaRecord(this, 'SiteRecordV6', { zone, recordName: domain.domainName, target });
    }
    this.url = domain ? `https://${domain.domainName}` : `https://${this.distribution.distributionDomainName}`;
  }
}
