import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DETAIL_TYPES, EVENT_SOURCE } from '../../lib/alerts/flagged-article';
import { DIGEST_PREFIX, FLAGGED_PREFIX } from '../../lib/digest/flagged-marker';
import { packageWithOsls } from '../helpers/osls-package';
import { listZipEntries, readZipEntry } from '../helpers/read-zip';

const BUCKET_ARN = 'arn:${AWS::Partition}:s3:::rewrite-radar-dev-articles';
const ALERT_RESOURCES = ['AlertRule', 'AlertTopic', 'AlertTopicPolicy'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Resource {
  Type: string;
  Condition?: string;
  Properties: Record<string, Json>;
}
interface Template {
  Conditions: Record<string, Json>;
  Resources: Record<string, Resource>;
}
interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: Json;
  Condition?: Json;
}

/** Packages the service into `dir` (packageWithOsls); returns the template. */
function packageInto(dir: string, args: string[]): Template {
  packageWithOsls(args, dir);
  return JSON.parse(readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8')) as Template;
}

/** Evaluates a condition of the form `Fn::Not [Fn::Equals [a, b]]`, as CloudFormation would. */
function conditionHolds(template: Template, name: string): boolean {
  const [equals] = (template.Conditions[name] as { 'Fn::Not': [{ 'Fn::Equals': [Json, Json] }] })['Fn::Not'];
  const [a, b] = equals['Fn::Equals'];
  return a !== b;
}

function statementsOf(role: Resource): Statement[] {
  const policies = role.Properties.Policies as unknown as { PolicyDocument: { Statement: Statement[] } }[];
  return policies.flatMap((p) => p.PolicyDocument.Statement);
}

const actions = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);

describe('alerts and the digest in serverless.yml, as packaged by osls', () => {
  let scratch: string;
  let plain: Template;
  let withEmail: Template;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'rr-sls-alerts-'));
    plain = packageInto(join(scratch, 'plain'), []);
    withEmail = packageInto(join(scratch, 'email'), ['--param=alertEmail=desk@example.com']);
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('lets the article functions put events on the default bus, and on nothing else', () => {
    const statements = statementsOf(plain.Resources['IamRoleLambdaExecution']!);
    const publishing = statements.filter((s) => actions(s).some((a) => a.startsWith('events:')));
    expect(publishing).toEqual([
      {
        Sid: 'PublishAlerts',
        Effect: 'Allow',
        Action: ['events:PutEvents'],
        Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default' },
      },
    ]);
    expect(
      (plain.Resources['ArticleCreatedLambdaFunction']!.Properties.Environment as { Variables: Record<string, Json> })
        .Variables['ALERT_BUS'],
    ).toBe('default');
    // the digest's role publishes nothing
    expect(statementsOf(plain.Resources['DigestRole']!).flatMap(actions)).not.toContain('events:PutEvents');
  });

  it('creates the example rule to an email topic only when alertEmail is set', () => {
    expect(conditionHolds(plain, 'HasAlertEmail')).toBe(false);
    expect(conditionHolds(withEmail, 'HasAlertEmail')).toBe(true);
    for (const id of ALERT_RESOURCES) expect(withEmail.Resources[id]!.Condition).toBe('HasAlertEmail');

    const rule = withEmail.Resources['AlertRule']!.Properties as {
      EventBusName: string;
      EventPattern: { source: string[]; 'detail-type': string[] };
      Targets: Array<{ Arn: Json }>;
    };
    expect(rule.EventBusName).toBe('default');
    // the pattern matches exactly what the code publishes
    expect(rule.EventPattern).toEqual({ source: [EVENT_SOURCE], 'detail-type': Object.values(DETAIL_TYPES) });
    expect(rule.Targets.map((t) => t.Arn)).toEqual([{ Ref: 'AlertTopic' }]);
    expect(withEmail.Resources['AlertTopic']!.Properties.Subscription).toEqual([
      { Protocol: 'email', Endpoint: 'desk@example.com' },
    ]);
    const policy = withEmail.Resources['AlertTopicPolicy']!.Properties.PolicyDocument as unknown as {
      Statement: Statement[];
    };
    expect(policy.Statement).toEqual([
      expect.objectContaining({
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: { Ref: 'AlertTopic' },
        Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': ['AlertRule', 'Arn'] } } },
      }),
    ]);
  });

  it('runs the digest daily under its own role: list and read the flagged prefix, read reports, write digests', () => {
    const fn = plain.Resources['DigestLambdaFunction']!.Properties;
    expect(fn.Role).toEqual({ 'Fn::GetAtt': ['DigestRole', 'Arn'] });
    expect(fn.Handler).toBe('functions/digest.handler');
    const schedules = Object.values(plain.Resources).filter(
      (r) =>
        r.Type === 'AWS::Events::Rule' &&
        JSON.stringify(r.Properties.Targets).includes('DigestLambdaFunction') &&
        r.Properties.ScheduleExpression !== undefined,
    );
    expect(schedules.map((r) => r.Properties.ScheduleExpression)).toEqual(['cron(15 0 * * ? *)']);

    const s3 = statementsOf(plain.Resources['DigestRole']!).filter((s) => actions(s).some((a) => a.startsWith('s3:')));
    const grants = s3.map((s) => [actions(s).join(','), (s.Resource as { 'Fn::Sub': string })['Fn::Sub'], s.Condition]);
    expect(grants).toEqual([
      ['s3:ListBucket', BUCKET_ARN, { StringLike: { 's3:prefix': `${FLAGGED_PREFIX}*` } }],
      // the flagged objects, and the report pages its presigned links open (a link carries its signer's rights)
      ['s3:GetObject', `${BUCKET_ARN}/reports/*`, undefined],
      ['s3:PutObject', `${BUCKET_ARN}/${DIGEST_PREFIX}*`, undefined],
    ]);
    const invoke = Object.values(plain.Resources).find(
      (r) =>
        r.Type === 'AWS::Lambda::EventInvokeConfig' && JSON.stringify(r.Properties).includes('DigestLambdaFunction'),
    );
    expect(invoke?.Properties.DestinationConfig).toEqual({
      OnFailure: { Destination: { 'Fn::GetAtt': ['FailedEventsQueue', 'Arn'] } },
    });
  });

  it('bundles the digest alone, with the AWS SDK (presigner included) left to the runtime', () => {
    const zip = readFileSync(join(scratch, 'plain', 'digest.zip'));
    const entries = listZipEntries(zip);
    expect(entries.map((e) => e.name)).toEqual(['functions/digest.js']);
    const code = readZipEntry(zip, entries[0]!).toString('utf8');
    expect(code).toContain('require("@aws-sdk/s3-request-presigner")');
    expect(code).not.toMatch(/@smithy\//);
  });
});
