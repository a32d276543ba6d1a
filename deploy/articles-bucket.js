'use strict';
/**
 * osls plugin: hardens the articles bucket that the s3 events create (bucketExists=false). The
 * framework names that resource after the bucket, which is a parameter, so resources.extensions
 * cannot address it: this merges custom.articlesBucket.properties into it and adds a bucket policy
 * of custom.articlesBucket.policyStatements that depends on it. An existing bucket is left as its
 * owner set it up.
 */
class ArticlesBucketPlugin {
  constructor(serverless) {
    this.hooks = { 'after:package:compileEvents': () => harden(serverless) };
  }
}

function harden(serverless) {
  const { name, properties, policyStatements } = serverless.service.custom.articlesBucket;
  const versioning = properties.VersioningConfiguration.Status;
  if (versioning !== 'Enabled' && versioning !== 'Suspended') {
    throw new serverless.classes.Error(
      `param versioning must be Enabled or Suspended, got ${JSON.stringify(versioning)}`,
    );
  }
  const resources = serverless.service.provider.compiledCloudFormationTemplate.Resources;
  const found = Object.entries(resources).find(
    ([, r]) => r.Type === 'AWS::S3::Bucket' && r.Properties && r.Properties.BucketName === name,
  );
  if (!found) return;
  const [logicalId, bucket] = found;
  Object.assign(bucket.Properties, properties);
  resources.ArticlesBucketPolicy = {
    Type: 'AWS::S3::BucketPolicy',
    DependsOn: [logicalId],
    Properties: { Bucket: name, PolicyDocument: { Version: '2012-10-17', Statement: policyStatements } },
  };
}

module.exports = ArticlesBucketPlugin;
