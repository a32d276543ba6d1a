import {
  AWS_US_EAST_1_PRICES,
  costPerMillionArticles,
  estimateLambdaMs,
  handlerRoundTrips,
  s3PriceClass,
} from '../../../bench/cost-model';

describe('costPerMillionArticles', () => {
  const usage = {
    s3RequestsPerArticle: { PutObject: 67, ListObjectsV2: 64, GetObject: 8, HeadObject: 1, DeleteObject: 3 },
    storedBytesPerArticle: 16_000,
    lambdaMsPerArticle: 500,
    lambdaMemoryMb: 1024,
  };

  it('prices PUT and LIST at $0.005 per 1,000, GET and HEAD at $0.0004, DELETE at nothing', () => {
    const c = costPerMillionArticles(usage);
    expect(c.putCopyPostListRequests).toBe(131_000_000);
    expect(c.s3PutCopyPostListUsd).toBeCloseTo(655, 6);
    expect(c.getRequests).toBe(9_000_000);
    expect(c.s3GetUsd).toBeCloseTo(3.6, 6);
    expect(c.freeRequests).toBe(3_000_000);
  });

  it('bills Lambda as GB of memory times seconds, plus $0.20 per million invocations', () => {
    const c = costPerMillionArticles(usage);
    // 1 GB x 0.5 s x 1e6 = 500,000 GB-s
    expect(c.lambdaGbSeconds).toBeCloseTo(500_000, 6);
    expect(c.lambdaComputeUsd).toBeCloseTo(500_000 * 0.0000133334, 6);
    expect(c.lambdaRequestsUsd).toBe(0.2);
    expect(c.processingUsd).toBeCloseTo(655 + 3.6 + 6.6667 + 0.2, 3);
    // half the memory, half the GB-seconds; a fractional millisecond is billed as a whole one
    expect(
      costPerMillionArticles({ ...usage, lambdaMemoryMb: 512, lambdaMsPerArticle: 499.2 }).lambdaGbSeconds,
    ).toBeCloseTo(250_000, 6);
  });

  it('counts storage in GB of 2^30 bytes at $0.023 per GB-month', () => {
    const c = costPerMillionArticles({ ...usage, storedBytesPerArticle: 1024 ** 3 / 1_000_000 });
    expect(c.storedGb).toBeCloseTo(1, 9);
    expect(c.storageUsdPerMonth).toBeCloseTo(0.023, 9);
  });

  it('takes other prices', () => {
    const c = costPerMillionArticles(usage, { ...AWS_US_EAST_1_PRICES, s3PutCopyPostListPer1000: 0.01 });
    expect(c.s3PutCopyPostListUsd).toBeCloseTo(1310, 6);
  });

  it('rejects unknown commands and bad quantities with the value it got', () => {
    expect(() => s3PriceClass('SelectObjectContent')).toThrow(/SelectObjectContent/);
    expect(() => costPerMillionArticles({ ...usage, s3RequestsPerArticle: { GetObject: -1 } })).toThrow(
      /GetObject must be a finite number >= 0, got -1/,
    );
    expect(() => costPerMillionArticles({ ...usage, lambdaMemoryMb: 64 })).toThrow(/got 64/);
  });
});

describe('Lambda duration estimate', () => {
  it('counts the sequential waves of one created event', () => {
    // GET article, GET and PUT fingerprint; 64 index PUTs in 2 waves of 32, 64 LISTs in 2, 48 candidate GETs in 3; 2 reports
    expect(handlerRoundTrips({ PutObject: 1 + 64 + 2, ListObjectsV2: 64, GetObject: 2 + 48 })).toBe(3 + 2 + 2 + 3 + 2);
    expect(handlerRoundTrips({})).toBe(5);
  });

  it('scales CPU time by the vCPU share of the memory and adds the round trips', () => {
    expect(
      estimateLambdaMs({ cpuMsPerArticle: 100, lambdaMemoryMb: 1769, sequentialRoundTrips: 10, roundTripMs: 20 }),
    ).toBeCloseTo(300, 9);
    expect(
      estimateLambdaMs({ cpuMsPerArticle: 100, lambdaMemoryMb: 3538, sequentialRoundTrips: 0, roundTripMs: 20 }),
    ).toBeCloseTo(100, 9);
    expect(
      estimateLambdaMs({ cpuMsPerArticle: 100, lambdaMemoryMb: 1024, sequentialRoundTrips: 0, roundTripMs: 20 }),
    ).toBeCloseTo(172.75, 2);
  });
});
