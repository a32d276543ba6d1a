import {
  DYNAMODB_US_EAST_1_PRICES,
  costPerMillion,
  indexItemBytes,
  indexStorageUsdPerMonth,
  queryReadUnits,
} from '../../../bench/dynamodb-cost';

describe('DynamoDB index cost', () => {
  it('bills 96 index writes at $0.625 per million write units: $60 per million articles', () => {
    const c = costPerMillion({
      s3RequestsByCommand: { GetObject: 2, PutObject: 3 },
      dynamoDbRequestsByCommand: { BatchWriteItem: 4, Query: 96 },
      writeRequestUnits: 96,
      readRequestUnits: 96,
      lambdaMs: 200,
      lambdaMemoryMb: 1024,
    });
    expect(c.dynamoDbWritesUsd).toBeCloseTo(60, 6);
    expect(c.dynamoDbReadsUsd).toBeCloseTo(96 * 0.125, 6);
    // 3 PUTs at $0.005 per 1,000 and 2 GETs at $0.0004 per 1,000
    expect(c.s3Usd).toBeCloseTo(15 + 0.8, 6);
    expect(c.lambdaComputeUsd).toBeCloseTo(0.2 * 1_000_000 * 0.0000133334, 6);
    expect(c.totalUsd).toBeCloseTo(
      c.s3Usd + c.dynamoDbWritesUsd + c.dynamoDbReadsUsd + c.lambdaComputeUsd + c.lambdaRequestsUsd,
      9,
    );
  });

  it('reads 4 KB per unit, at least one per Query, and sizes an item by its names and values', () => {
    expect(queryReadUnits(0, 40)).toBe(1);
    expect(queryReadUnits(1001, 41)).toBe(11);
    expect(indexItemBytes('t-0000abcd', 'background/é.txt')).toBe(4 + 10 + 7 + 17);
  });

  it('stores an item with 100 bytes of overhead and prices recovery on the same size', () => {
    const s = indexStorageUsdPerMonth(1024 ** 3 / 140, 1, 40);
    expect(s.tableGb).toBeCloseTo(1, 9);
    expect(s.tableUsd).toBeCloseTo(DYNAMODB_US_EAST_1_PRICES.storageGbMonth, 9);
    expect(s.pitrUsd).toBeCloseTo(DYNAMODB_US_EAST_1_PRICES.pitrGbMonth, 9);
  });
});
