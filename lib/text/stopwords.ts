/**
 * English function words. They carry phrasing, not topic: shingles keep them for
 * verbatim evidence, but content-word features and MinHash candidates skip them.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once
only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up upon very was we were what when where
which while who whom why will with would you your yours yourself yourselves told said says say saying tell
mr mrs ms dr sir one two yesterday today tomorrow last week year years day days month may might must shall
us let yet still even though although however already ago its whether within without across around s t`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
