import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { INDEX_TABLE_KEY } from '../../lib/store/dynamodb-lsh-index';
import { packageWithOsls } from '../helpers/osls-package';
import { listZipEntries, readZipEntry } from '../helpers/read-zip';
import { TRIGGER_SUFFIXES } from '../../lib/local/deliver-events';

const ROOT = resolve(__dirname, '../..');
const HANDLERS = ['functions/article-created.ts', 'functions/article-removed.ts', 'functions/backfill-task.ts'];
/** Lower and upper case: S3 matches suffixes case-sensitively. The local stack's filter uses the same list. */
const SUFFIXES = [
  '.htm',
  '.html',
  '.json',
  '.markdown',
  '.md',
  '.txt',
  '.HTM',
  '.HTML',
  '.JSON',
  '.MARKDOWN',
  '.MD',
  '.TXT',
].sort();
const BUCKET = 'rewrite-radar-dev-articles';
const BUCKET_ARN = `arn:aws:s3:::${BUCKET}`;
const STATE_PREFIXES = ['reports/', 'fingerprints/', 'later-copies/'];
/** The index table, as functions and grants refer to it. */
const TABLE = 'IndexTable';
const TABLE_ARN = { 'Fn::GetAtt': [TABLE, 'Arn'] };
const FUNCTIONS = { created: 'ArticleCreatedLambdaFunction', removed: 'ArticleRemovedLambdaFunction' } as const;
/** Invoked by S3 Batch Operations only: no trigger, no asynchronous retries. */
const BACKFILL = 'BackfillTaskLambdaFunction';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Resource {
  Type: string;
  DependsOn?: string[];
  Properties: Record<string, Json>;
}
interface Template {
  Conditions?: Record<string, Json>;
  Resources: Record<string, Resource>;
  Outputs?: Record<string, { Value: Json }>;
}
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: Json;
  Condition?: Json;
}

/** Packages the service as `npm run package` does, with no AWS variables at all; returns the output folder. */
function readTemplate(dir: string): Template {
  return JSON.parse(readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8')) as Template;
}

/** Renders an ARN written with Fn::Sub / Fn::Join / Ref AWS::Partition as the string CloudFormation makes. */
function arnText(value: Json): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const sub = value['Fn::Sub'];
    if (typeof sub === 'string') return sub.replace(/\$\{AWS::Partition\}/g, 'aws');
    const join = value['Fn::Join'];
    if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1]))
      return join[1].map(arnText).join(join[0]);
    if (value.Ref === 'AWS::Partition') return 'aws';
  }
  return JSON.stringify(value);
}

const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

function roleStatements(template: Template): Statement[] {
  const role = template.Resources.IamRoleLambdaExecution;
  if (!role) throw new Error('Expecting the functions role IamRoleLambdaExecution, got none');
  const policies = role.Properties.Policies as unknown as { PolicyDocument: { Statement: Statement[] } }[];
  return policies.flatMap((policy) => policy.PolicyDocument.Statement);
}

/** Resources (as ARN text) granted each S3 action by the functions role. */
function s3Grants(template: Template): Map<string, string[]> {
  const grants = new Map<string, string[]>();
  for (const statement of roleStatements(template)) {
    expect(statement.Effect).toBe('Allow');
    for (const action of asList(statement.Action).filter((a) => a.startsWith('s3:'))) {
      grants.set(action, [...(grants.get(action) ?? []), ...asList(statement.Resource).map(arnText)]);
    }
  }
  return grants;
}

describe('serverless.yml as packaged by osls', () => {
  let template: Template;
  let existingBucketTemplate: Template;
  let tunedTemplate: Template;
  let prodTemplate: Template;
  let outDir: string;
  let scratch: string;

  beforeAll(() => {
    const missing = HANDLERS.filter((file) => !existsSync(join(ROOT, file)));
    if (missing.length > 0) throw new Error(`Expecting the Lambda handlers to package, missing ${missing.join(', ')}`);
    scratch = mkdtempSync(join(tmpdir(), 'rr-sls-'));
    // osls empties .serverless/ on every run, so the existing-bucket variant goes first, elsewhere
    existingBucketTemplate = readTemplate(
      packageWithOsls(['--param=bucketName=my-news-bucket', '--param=bucketExists=true'], join(scratch, 'existing')),
    );
    prodTemplate = readTemplate(
      packageWithOsls(
        ['--stage', 'prod', '--param=versioning=Enabled', '--param=reservedConcurrency=7'],
        join(scratch, 'prod'),
      ),
    );
    tunedTemplate = prodTemplate;
    outDir = packageWithOsls([]);
    template = readTemplate(outDir);
  });

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('creates the bucket and triggers each function on incoming/ once per supported suffix', () => {
    const buckets = Object.values(template.Resources).filter(
      (r) => r.Type === 'AWS::S3::Bucket' && r.Properties.BucketName === BUCKET,
    );
    expect(buckets).toHaveLength(1);
    const notifications = buckets[0]!.Properties.NotificationConfiguration as {
      LambdaConfigurations: {
        Event: string;
        Function: Json;
        Filter: { S3Key: { Rules: { Name: string; Value: string }[] } };
      }[];
    };
    const rulesFor = (fn: string, event: string): string[] =>
      notifications.LambdaConfigurations.filter(
        (c) => JSON.stringify(c.Function) === JSON.stringify({ 'Fn::GetAtt': [fn, 'Arn'] }) && c.Event === event,
      ).map((c) => {
        const rules = c.Filter.S3Key.Rules;
        expect(rules.map((r) => r.Name).sort()).toEqual(['prefix', 'suffix']);
        expect(rules.find((r) => r.Name === 'prefix')!.Value).toBe('incoming/');
        return rules.find((r) => r.Name === 'suffix')!.Value;
      });

    expect(rulesFor(FUNCTIONS.created, 's3:ObjectCreated:*').sort()).toEqual(SUFFIXES);
    expect(rulesFor(FUNCTIONS.removed, 's3:ObjectRemoved:*').sort()).toEqual(SUFFIXES);
    expect(notifications.LambdaConfigurations).toHaveLength(2 * SUFFIXES.length);
  });

  it('with bucketExists=true, adds the same notifications to the named bucket instead of creating one', () => {
    const resources = Object.values(existingBucketTemplate.Resources);
    // the only bucket left is the framework's deployment bucket (code zips), which has no name
    expect(resources.filter((r) => r.Type === 'AWS::S3::Bucket' && r.Properties.BucketName !== undefined)).toHaveLength(
      0,
    );
    const configs = resources.filter((r) => r.Type === 'Custom::S3');
    expect(configs).toHaveLength(2);
    const byFunction = new Map(configs.map((c) => [c.Properties.FunctionName, c.Properties]));
    for (const [name, event] of [
      ['rewrite-radar-dev-articleCreated', 's3:ObjectCreated:*'],
      ['rewrite-radar-dev-articleRemoved', 's3:ObjectRemoved:*'],
    ] as const) {
      const config = byFunction.get(name) as {
        BucketName: string;
        BucketConfigs: { Event: string; Rules: { Prefix?: string; Suffix?: string }[] }[];
      };
      expect(config.BucketName).toBe('my-news-bucket');
      expect(
        config.BucketConfigs.every(
          (c) => c.Event === event && c.Rules.length === 2 && c.Rules[0]!.Prefix === 'incoming/',
        ),
      ).toBe(true);
      expect(config.BucketConfigs.map((c) => c.Rules[1]!.Suffix).sort()).toEqual(SUFFIXES);
    }
  });

  it('retries failed events twice, then sends them to an SQS queue with an alarm on its visible messages', () => {
    const queues = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::SQS::Queue');
    expect(queues).toHaveLength(1);
    const [queueId] = queues[0]!;
    const queueArn = { 'Fn::GetAtt': [queueId, 'Arn'] };

    for (const fn of Object.values(FUNCTIONS)) {
      const configs = Object.values(template.Resources).filter(
        (r) =>
          r.Type === 'AWS::Lambda::EventInvokeConfig' &&
          JSON.stringify(r.Properties.FunctionName) === JSON.stringify({ Ref: fn }),
      );
      expect(configs).toHaveLength(1);
      expect(configs[0]!.Properties.MaximumRetryAttempts).toBe(2);
      expect(configs[0]!.Properties.DestinationConfig).toEqual({ OnFailure: { Destination: queueArn } });
    }
    // one statement for both functions (the framework's destinations added one each)
    const sends = roleStatements(template).filter((s) => asList(s.Action).includes('sqs:SendMessage'));
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({ Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: queueArn });

    const alarms = Object.values(template.Resources).filter(
      (r) => r.Type === 'AWS::CloudWatch::Alarm' && r.Properties.Namespace === 'AWS/SQS',
    );
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.Properties).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('grants the functions S3 access to the one bucket, by prefix, and nothing broader', () => {
    for (const fn of [...Object.values(FUNCTIONS), BACKFILL]) {
      expect(template.Resources[fn]!.Properties.Role).toEqual({ 'Fn::GetAtt': ['IamRoleLambdaExecution', 'Arn'] });
    }
    const statements = roleStatements(template);
    for (const statement of statements) {
      expect(asList(statement.Action).filter((a) => a.includes('*'))).toEqual([]);
      expect(asList(statement.Resource).map(arnText)).not.toContain('*');
    }
    const grants = s3Grants(template);
    expect([...grants.keys()].sort()).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject']);
    // the index's recorded sketch parameters are one object, not a prefix (the index itself is in DynamoDB)
    const state = [...STATE_PREFIXES.map((p) => `${BUCKET_ARN}/${p}*`), `${BUCKET_ARN}/index/params.json`].sort();
    // the only input path readable is incoming/*; the rest is the detector's own state
    expect([...grants.get('s3:GetObject')!].sort()).toEqual([`${BUCKET_ARN}/incoming/*`, ...state].sort());
    expect([...grants.get('s3:PutObject')!].sort()).toEqual(state);
    expect([...grants.get('s3:DeleteObject')!].sort()).toEqual(state);
    // bucket-level, unconditioned: what makes S3 answer 404 rather than 403 for a missing key (see serverless.yml)
    expect(grants.get('s3:ListBucket')).toEqual([BUCKET_ARN]);
    const listing = statements.filter((s) => asList(s.Action).includes('s3:ListBucket'));
    expect(listing.every((s) => asList(s.Action).length === 1)).toBe(true);
  });

  it('adds the backfill function for S3 Batch Operations: no S3 trigger, the same scoped role, its ARN as an output', () => {
    for (const t of [template, existingBucketTemplate]) {
      const backfill = t.Resources[BACKFILL];
      expect(backfill?.Type).toBe('AWS::Lambda::Function');
      expect(backfill!.Properties.Role).toEqual({ 'Fn::GetAtt': ['IamRoleLambdaExecution', 'Arn'] });
      const mentions = Object.entries(t.Resources)
        .filter(([id, r]) => id !== BACKFILL && JSON.stringify(r).includes(BACKFILL))
        .map(([, r]) => r.Type);
      // only its log group's dependency and its duration alarm may name it: no notification, no S3 invoke permission, no async config
      expect(mentions.filter((type) => type !== 'AWS::Logs::LogGroup' && type !== 'AWS::CloudWatch::Alarm')).toEqual(
        [],
      );
      const notifications = Object.values(t.Resources).flatMap((r) =>
        r.Type === 'AWS::S3::Bucket' || r.Type === 'Custom::S3' ? [JSON.stringify(r.Properties)] : [],
      );
      expect(notifications.some((n) => n.includes(BACKFILL) || n.includes('backfillTask'))).toBe(false);
      const permissions = Object.values(t.Resources).filter(
        (r) => r.Type === 'AWS::Lambda::Permission' && JSON.stringify(r.Properties.FunctionName).includes(BACKFILL),
      );
      expect(permissions).toEqual([]);
      expect(t.Outputs?.['BackfillTaskFunctionArn']?.Value).toEqual({ 'Fn::GetAtt': [BACKFILL, 'Arn'] });
    }
    // one role for the three functions, so the IAM test above covers the backfill's grants too (the digest has its own)
    expect(
      Object.entries(template.Resources).filter(([id, r]) => r.Type === 'AWS::IAM::Role' && id !== 'DigestRole'),
    ).toHaveLength(1);
  });

  it('passes the bucket, prefix and index table to every function', () => {
    for (const fn of [...Object.values(FUNCTIONS), BACKFILL]) {
      const props = template.Resources[fn]!.Properties as {
        Runtime: string;
        Architectures: string[];
        Environment: { Variables: Record<string, Json> };
      };
      expect(props.Runtime).toBe('nodejs22.x');
      expect(props.Environment.Variables).toMatchObject({
        ARTICLES_BUCKET: BUCKET,
        INCOMING_PREFIX: 'incoming/',
        INDEX_TABLE: { Ref: TABLE },
        POWERTOOLS_METRICS_NAMESPACE: 'rewrite-radar',
      });
    }
  });

  it('lists the same trigger suffixes as the local stack filters by', () => {
    expect([...TRIGGER_SUFFIXES].sort()).toEqual(SUFFIXES);
  });

  it('hardens the bucket it creates: public access blocked, default encryption, TLS only, versioning as a parameter', () => {
    const [bucketId, bucket] = Object.entries(template.Resources).find(
      ([, r]) => r.Type === 'AWS::S3::Bucket' && r.Properties.BucketName === BUCKET,
    )!;
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: true },
        ],
      },
      VersioningConfiguration: { Status: 'Suspended' },
    });
    const tuned = Object.values(tunedTemplate.Resources).find(
      (r) => r.Type === 'AWS::S3::Bucket' && r.Properties.BucketName === 'rewrite-radar-prod-articles',
    )!;
    expect(tuned.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });

    const policies = Object.values(template.Resources).filter(
      (r) => r.Type === 'AWS::S3::BucketPolicy' && r.Properties.Bucket === BUCKET,
    );
    expect(policies).toHaveLength(1);
    expect(policies[0]!.DependsOn).toEqual([bucketId]);
    const statements = (
      policies[0]!.Properties.PolicyDocument as unknown as { Statement: Array<Statement & { Principal: Json }> }
    ).Statement;
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    expect(asList(statements[0]!.Resource).map(arnText).sort()).toEqual([BUCKET_ARN, `${BUCKET_ARN}/*`]);
    // an existing bucket keeps the settings and policy its owner gave it
    expect(
      Object.values(existingBucketTemplate.Resources).filter(
        (r) => r.Type === 'AWS::S3::BucketPolicy' && r.Properties.Bucket === 'my-news-bucket',
      ),
    ).toEqual([]);
  });

  it('reserves concurrency for articleCreated only when the reservedConcurrency parameter is set', () => {
    const reserved = (t: Template): Json | undefined =>
      t.Resources[FUNCTIONS.created]!.Properties.ReservedConcurrentExecutions;
    const ifSet = (value: string): Json => ({ 'Fn::If': ['HasReservedConcurrency', value, { Ref: 'AWS::NoValue' }] });
    expect(reserved(template)).toEqual(ifSet(''));
    expect(template.Conditions?.['HasReservedConcurrency']).toEqual({ 'Fn::Not': [{ 'Fn::Equals': ['', ''] }] });
    expect(reserved(tunedTemplate)).toEqual(ifSet('7'));
    expect(tunedTemplate.Conditions?.['HasReservedConcurrency']).toEqual({ 'Fn::Not': [{ 'Fn::Equals': ['7', ''] }] });
    expect(template.Resources[FUNCTIONS.removed]!.Properties.ReservedConcurrentExecutions).toBeUndefined();
  });

  it('keeps the index in one on-demand DynamoDB table, keyed as the adapter reads it, with point-in-time recovery, deletion-protected in prod', () => {
    for (const [t, protectedTable] of [
      [template, false],
      [existingBucketTemplate, false],
      [prodTemplate, true],
    ] as const) {
      const tables = Object.entries(t.Resources).filter(([, r]) => r.Type === 'AWS::DynamoDB::Table');
      expect(tables.map(([id]) => id)).toEqual([TABLE]);
      expect(tables[0]![1].Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: INDEX_TABLE_KEY.partition, KeyType: 'HASH' },
          { AttributeName: INDEX_TABLE_KEY.sort, KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: INDEX_TABLE_KEY.partition, AttributeType: 'S' },
          { AttributeName: INDEX_TABLE_KEY.sort, AttributeType: 'S' },
        ],
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: protectedTable,
      });
      // no secondary index: the grant below covers the table alone
      expect(tables[0]![1].Properties).not.toHaveProperty('GlobalSecondaryIndexes');
    }
    expect(prodTemplate.Resources[TABLE]!.Properties.TableName).toBe('rewrite-radar-prod-index');
  });

  it("grants the functions only BatchWriteItem, Query and the count's UpdateItem and BatchGetItem, only on the index table", () => {
    const dynamo = roleStatements(template).filter((s) => asList(s.Action).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toHaveLength(1);
    expect(asList(dynamo[0]!.Action).sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    expect(dynamo[0]!.Resource).toEqual(TABLE_ARN);
    expect(dynamo[0]!.Condition).toBeUndefined();
  });

  it('alarms on index throttling and on runs near the timeout, to the alarm topic when one is given', () => {
    const alarms = Object.values(template.Resources).filter((r) => r.Type === 'AWS::CloudWatch::Alarm');
    const throttle = alarms.filter((a) => JSON.stringify(a.Properties.Metrics ?? null).includes('ThrottleEvents'));
    expect(throttle).toHaveLength(1);
    const metrics = throttle[0]!.Properties.Metrics as {
      Id: string;
      Expression?: string;
      MetricStat?: { Metric: { Namespace: string; MetricName: string; Dimensions: Json }; Stat: string };
    }[];
    expect(metrics.flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric.MetricName] : [])).sort()).toEqual([
      'ReadThrottleEvents',
      'WriteThrottleEvents',
    ]);
    for (const m of metrics.filter((x) => x.MetricStat)) {
      expect(m.MetricStat).toMatchObject({
        Metric: { Namespace: 'AWS/DynamoDB', Dimensions: [{ Name: 'TableName', Value: { Ref: TABLE } }] },
        Stat: 'Sum',
      });
    }
    expect(metrics.find((m) => m.Expression)?.Expression).toBe('reads + writes');
    expect(throttle[0]!.Properties).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });

    const timeoutMs = (template.Resources[FUNCTIONS.created]!.Properties.Timeout as number) * 1000;
    for (const fn of [...Object.values(FUNCTIONS), BACKFILL]) {
      const duration = alarms.filter(
        (a) =>
          a.Properties.MetricName === 'Duration' &&
          JSON.stringify(a.Properties.Dimensions) === JSON.stringify([{ Name: 'FunctionName', Value: { Ref: fn } }]),
      );
      expect({ fn, alarms: duration.length }).toEqual({ fn, alarms: 1 });
      expect(duration[0]!.Properties).toMatchObject({
        Namespace: 'AWS/Lambda',
        Statistic: 'Maximum',
        ComparisonOperator: 'GreaterThanThreshold',
      });
      const threshold = duration[0]!.Properties.Threshold as number;
      expect(threshold).toBeGreaterThanOrEqual(0.7 * timeoutMs);
      expect(threshold).toBeLessThan(timeoutMs);
    }
    for (const alarm of alarms)
      expect(alarm.Properties.AlarmActions).toEqual({ 'Fn::If': ['HasAlarmTopic', [''], { Ref: 'AWS::NoValue' }] });
  });

  it('bundles each handler alone, without the AWS SDK (the runtime provides it) and without source maps', () => {
    for (const [zipName, bundle] of [
      ['articleCreated.zip', 'functions/article-created.js'],
      ['articleRemoved.zip', 'functions/article-removed.js'],
      ['backfillTask.zip', 'functions/backfill-task.js'],
    ] as const) {
      const zip = readFileSync(join(outDir, zipName));
      const entries = listZipEntries(zip);
      // source maps only when packaged with SOURCE_MAPS=true, for NODE_OPTIONS=--enable-source-maps
      expect(entries.map((e) => e.name)).toEqual([bundle]);
      expect(readZipEntry(zip, entries[0]!).toString('utf8')).not.toContain('sourceMappingURL');
      const code = readZipEntry(
        zip,
        entries.find((e) => e.name === bundle)!,
      ).toString('utf8');
      // an external SDK shows only as require("@aws-sdk/..."); a bundled one names its packages throughout
      const mentions = code.match(/@aws-sdk\//g)?.length ?? 0;
      const requires = code.match(/require\("@aws-sdk\/[a-z0-9-]+"\)/g)?.length ?? 0;
      expect(mentions).toBe(requires);
      expect(code).not.toMatch(/@smithy\//);
      expect(code).toMatch(/exports/);
    }
  });
});
