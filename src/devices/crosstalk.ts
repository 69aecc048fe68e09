/**
 * Spectator crosstalk: the error a two-qubit gate on coupler (a, b) induces on an idle qubit s
 * coupled to a or b. Vendors do not publish it per pair, so it is derived from a documented
 * model with two parts:
 *
 * 1. **Static ZZ** ζ between the spectator and its coupler neighbour: the published figure
 *    where the snapshot has one (IBM Eagle/Falcon `general.zz_*`), otherwise drawn (seeded,
 *    log-normal) around a technology median. During a gate of duration τ the spectator picks up
 *    a conditional phase exp(−iθ/2·ZZ) with θ = π·ζ·τ; twirled, that is a ZZ error with
 *    probability sin²(θ/2).
 * 2. **Drive-induced error** (microwave/flux leakage of the gate drive onto the spectator),
 *    drawn log-uniformly from a per-technology range taken from the literature.
 *
 * The sum, capped at 0.5, is the entry's `error`. Draws use `Rng` seeded with
 * `crosstalk:<device id>` so a profile is the same on every run.
 */
import { Rng } from '../core/rng.js';
import type { Coupler } from './lattices.js';
import type { CrosstalkEntry, ProfileSource } from './schema.js';
import { CROSSTALK_CR, CROSSTALK_TUNABLE } from './sources.js';

/** Crosstalk parameters of a hardware technology. */
export interface CrosstalkTechnology {
  readonly name: string;
  /** Median of the modelled static ZZ where none is published, kHz. */
  readonly zzMedianKhz: number;
  /** σ of ln ζ for modelled ZZ. */
  readonly zzLogSigma: number;
  /** Range [low, high] of the drive-induced spectator error (drawn log-uniformly). */
  readonly driveError: readonly [number, number];
  readonly source: ProfileSource;
}

/**
 * Fixed-frequency transmons with fixed couplers driven by cross resonance (IBM Eagle/Falcon,
 * OQC coaxmons). The ZZ median, 59 kHz, is the median of the static ZZ published in the
 * ibm_sherbrooke snapshot.
 */
export const FIXED_COUPLING_CR: CrosstalkTechnology = {
  name: 'fixed-coupling cross-resonance',
  zzMedianKhz: 59,
  zzLogSigma: 0.5,
  driveError: [1e-3, 1e-2],
  source: CROSSTALK_CR,
};

/** Transmons with tunable couplers and CZ/iSWAP gates (IBM Heron, IQM, Rigetti Ankaa). */
export const TUNABLE_COUPLER: CrosstalkTechnology = {
  name: 'tunable coupler',
  zzMedianKhz: 5,
  zzLogSigma: 0.5,
  driveError: [2e-4, 3e-3],
  source: CROSSTALK_TUNABLE,
};

/** Probability of the ZZ error a static coupling ζ (kHz) causes during a gate of `durationNs`. */
export function zzPhaseError(zzKhz: number, durationNs: number): number {
  const theta = Math.PI * zzKhz * 1e3 * durationNs * 1e-9;
  return Math.sin(theta / 2) ** 2;
}

/** Inputs of {@link spectatorCrosstalk}. */
export interface SpectatorCrosstalkInput {
  readonly deviceId: string;
  readonly numQubits: number;
  /** Every physical coupler (usable or not): spectators are physical neighbours. */
  readonly physicalEdges: readonly Coupler[];
  /** Usable couplers: the gates that can be active. */
  readonly couplingMap: readonly Coupler[];
  /** Duration of the two-qubit gate on a usable coupler, ns. */
  readonly gateDurationNs: (coupler: Coupler) => number;
  /** Published static ZZ by coupler key `a-b` (a < b), kHz. */
  readonly publishedZzKhz?: ReadonlyMap<string, number>;
  readonly technology: CrosstalkTechnology;
}

/** The crosstalk section of a profile for a superconducting device. */
export interface CrosstalkSection {
  readonly model: 'spectator';
  readonly description: string;
  readonly seed: string;
  readonly entries: CrosstalkEntry[];
}

const edgeKey = (a: number, b: number): string => (a < b ? `${a}-${b}` : `${b}-${a}`);

/** Builds the spectator-crosstalk entries of a device (see the module comment for the model). */
export function spectatorCrosstalk(input: SpectatorCrosstalkInput): CrosstalkSection {
  const seed = `crosstalk:${input.deviceId}`;
  const rng = new Rng(seed);
  const zzRng = rng.fork('zz');
  const driveRng = rng.fork('drive');
  const tech = input.technology;

  const neighbours: number[][] = Array.from({ length: input.numQubits }, () => []);
  const zz = new Map<string, { khz: number; source: 'published' | 'modelled' }>();
  for (const [a, b] of input.physicalEdges) {
    neighbours[a]!.push(b);
    neighbours[b]!.push(a);
    // Draw for every physical edge in a fixed order, published or not, so that adding a
    // published value does not shift the other draws.
    const modelled = tech.zzMedianKhz * Math.exp(tech.zzLogSigma * zzRng.normal());
    const published = input.publishedZzKhz?.get(edgeKey(a, b));
    zz.set(edgeKey(a, b), published !== undefined ? { khz: published, source: 'published' } : { khz: modelled, source: 'modelled' });
  }
  for (const list of neighbours) list.sort((x, y) => x - y);

  const [lo, hi] = tech.driveError;
  const entries: CrosstalkEntry[] = [];
  for (const coupler of input.couplingMap) {
    const [a, b] = coupler;
    const tau = input.gateDurationNs(coupler);
    const spectators: { spectator: number; via: number }[] = [];
    for (const via of [a, b]) {
      for (const s of neighbours[via]!) if (s !== a && s !== b) spectators.push({ spectator: s, via });
    }
    spectators.sort((x, y) => x.spectator - y.spectator || x.via - y.via);
    for (const { spectator, via } of spectators) {
      const coupling = zz.get(edgeKey(via, spectator))!;
      const drive = lo * Math.pow(hi / lo, driveRng.random());
      const error = Math.min(0.5, zzPhaseError(coupling.khz, tau) + drive);
      entries.push({
        coupler: [a, b],
        spectator,
        via,
        zz_khz: round(coupling.khz),
        zz_source: coupling.source,
        error: round(error),
      });
    }
  }
  return {
    model: 'spectator',
    description:
      `Spectator model (${tech.name}): error on an idle neighbour s of an active coupler = sin²(π·ζ·τ/2) ` +
      `for the static ZZ ζ between s and its coupler neighbour during the gate time τ, plus a drive-induced error ` +
      `drawn log-uniformly in [${lo}, ${hi}]. ζ is the published figure where the snapshot has one, otherwise ` +
      `log-normal around ${tech.zzMedianKhz} kHz (σ_ln = ${tech.zzLogSigma}). Seeded with "${seed}".`,
    seed,
    entries,
  };
}

/** The crosstalk section of an all-to-all trapped-ion device: none. */
export function noCrosstalk(reason: string): { model: 'none'; description: string; seed: string; entries: CrosstalkEntry[] } {
  return { model: 'none', description: reason, seed: '', entries: [] };
}

function round(v: number): number {
  return Number(v.toPrecision(6));
}
