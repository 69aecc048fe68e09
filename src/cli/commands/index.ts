import type { Command } from 'commander';
import { registerDemo } from './demo.js';
import { registerSimulate } from './simulate.js';
import { registerTrain } from './train.js';
import { registerPredict } from './predict.js';
import { registerCircuit } from './circuit.js';
import { registerBench } from './bench.js';
import { registerLab } from './lab.js';
import { registerDevices } from './devices.js';
import { registerTranspile } from './transpile.js';
import { registerThreats } from './threats.js';
import { registerServe } from './serve.js';
import { registerKeys } from './keys.js';
import { registerModels } from './models.js';
import { registerWorker } from './worker.js';

/** Every CLI command's registration function, in the order `--help` lists them. */
export const commands: ReadonlyArray<(program: Command) => void> = [registerDemo, registerSimulate, registerTrain, registerPredict, registerCircuit, registerBench, registerDevices, registerTranspile, registerThreats, registerLab, registerServe, registerKeys, registerModels, registerWorker];
