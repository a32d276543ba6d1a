import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** Figures of one handled article event, published as CloudWatch metrics. */
export interface ArticleFigures {
  /** Candidates the index returned (before maxCandidates); absent when the article was not judged. */
  readonly candidatesFound?: number;
  /** DynamoDB throttling met on the way (responses the SDK retried, batches with unprocessed items). */
  readonly throttles: number;
  readonly ms: number;
}

/** Where the handler sends each article's figures. */
export type ArticleMetrics = (figures: ArticleFigures) => void;

/** Namespace of the metrics when POWERTOOLS_METRICS_NAMESPACE is unset. */
export const DEFAULT_METRICS_NAMESPACE = 'rewrite-radar';

/**
 * CloudWatch metrics in Embedded Metric Format: one JSON log line per article, which CloudWatch
 * turns into metrics with no API call (Powertools' Metrics writes it; ~16 KB in the bundle).
 */
export function emfArticleMetrics(env: NodeJS.ProcessEnv): ArticleMetrics {
  const metrics = new Metrics({
    namespace: env['POWERTOOLS_METRICS_NAMESPACE'] || DEFAULT_METRICS_NAMESPACE,
    serviceName: env['POWERTOOLS_SERVICE_NAME'] || 'rewrite-radar',
  });
  return (figures) => {
    if (figures.candidatesFound !== undefined)
      metrics.addMetric('CandidatesFound', MetricUnit.Count, figures.candidatesFound);
    metrics.addMetric('IndexThrottles', MetricUnit.Count, figures.throttles);
    metrics.addMetric('ArticleDuration', MetricUnit.Milliseconds, figures.ms);
    metrics.publishStoredMetrics();
  };
}
