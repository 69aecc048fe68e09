export {
  featureMatrix,
  toFeatureMatrix,
  isFeatureMatrix,
  featureRow,
  featureRows,
  featureColumn,
  selectRows,
  type FeatureMatrix,
  type FeatureInput,
} from './feature-matrix.js';
export { createDataset, subsetDataset, datasetSize, type Dataset, type DatasetInit, type DatasetSource } from './dataset.js';
export { classCounts, oneHot, classWeights, sampleWeights } from './labels.js';
export { readCsv, readCsvFile, readFeatureCsv, type CsvOptions, type FeatureCsvOptions } from './csv.js';
export { makeMoons, makeCircles, makeXor, type GeneratorOptions, type CirclesOptions } from './generators.js';
export { makePlusMinus, PLUS_MINUS_CLASSES, type PlusMinusOptions } from './plus-minus.js';
export { listDatasets, loadDataset, type BuiltinDatasetName, type DatasetInfo, type LoadDatasetOptions } from './registry.js';
export type { ShippedDatasetName } from './shipped.js';
export { shuffleDataset, trainTestSplit, kFold, type Split, type SplitOptions, type KFoldOptions } from './split.js';
export * from './preprocess/index.js';
