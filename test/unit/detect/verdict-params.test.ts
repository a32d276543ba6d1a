import { ConfigError } from '../../../lib/errors.js';
import { parseVerdictParams } from '../../../lib/detect/verdict-params.js';
import { lambdaConfig } from '../../../lib/lambda/lambda-config.js';

describe('parseVerdictParams', () => {
  it('reads verdict thresholds and skips "_" notes', () => {
    expect(parseVerdictParams('{"_fittedOn":"x","rewriteShare":0.4,"partialShare":0.25}', 'f')).toEqual({
      rewriteShare: 0.4,
      partialShare: 0.25,
    });
  });

  it('refuses sketch parameters, unknown names, values outside (0, 1) and non-objects, naming the origin', () => {
    expect(() => parseVerdictParams('{"numPerm":64}', 'params.json')).toThrow(
      /params.json: "numPerm" is not a verdict threshold/,
    );
    expect(() => parseVerdictParams('{"rewriteShare":1.5}', 'f')).toThrow(
      /rewriteShare must be a number in \(0, 1\), got 1.5/,
    );
    expect(() => parseVerdictParams('[1]', 'f')).toThrow(ConfigError);
    expect(() => parseVerdictParams('{', 'DETECTOR_PARAMS')).toThrow(/DETECTOR_PARAMS is not valid JSON/);
  });

  it('DETECTOR_PARAMS sets the Lambda thresholds; a single variable wins over it', () => {
    const env = {
      ARTICLES_BUCKET: 'articles',
      INDEX_TABLE: 'rewrite-radar-index',
      DETECTOR_PARAMS: '{"rewriteShare":0.4,"partialShare":0.2}',
      PARTIAL_SHARE: '0.35',
    };
    const { params } = lambdaConfig(env);
    expect(params.rewriteShare).toBe(0.4);
    expect(params.partialShare).toBe(0.35);
    expect(() =>
      lambdaConfig({ ARTICLES_BUCKET: 'articles', INDEX_TABLE: 'rewrite-radar-index', DETECTOR_PARAMS: '{"seed":2}' }),
    ).toThrow(/DETECTOR_PARAMS: "seed" is not a verdict threshold/);
  });
});
