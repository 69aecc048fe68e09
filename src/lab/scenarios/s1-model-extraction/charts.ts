/** Chart names of scenario 1 (the report groups series named `"<chart>: <line>"` into one chart). */
export const S1_CHARTS = {
  agreement: 'agreement with the victim vs queries',
  accuracy: 'substitute accuracy vs queries',
  gain: 'ensemble gain over the naive substitute vs queries',
} as const;
