/**
 * The WebAssembly kernel runtime: one linear memory (up to 4 GiB) that holds large states,
 * a scratch area for matrices and qubit lists, and a stack-like arena so that a simulation
 * allocates its buffers, runs, and releases them. JS kernels work on the same memory (the
 * buffers are ordinary Float64Array views), so any kernel can be used on any buffer.
 */
import { KERNELS_WASM_BASE64 } from './kernels.generated.js';

interface KernelExports {
  apply1(ptr: number, n: number, batch: number, q: number, mptr: number): void;
  applyDiag1(ptr: number, n: number, batch: number, q: number, mptr: number): void;
  applyControlled1(ptr: number, n: number, batch: number, cmask: bigint, target: number, pptr: number, np: number, mptr: number, isX: number): void;
  applyCX(ptr: number, n: number, batch: number, control: number, target: number): void;
  apply2(ptr: number, n: number, batch: number, q0: number, q1: number, pptr: number, mptr: number): void;
  applySwap(ptr: number, n: number, batch: number, q0: number, q1: number, pptr: number): void;
  applyDiagonal(ptr: number, n: number, batch: number, qptr: number, k: number, mptr: number): void;
  applyPauliRotation(ptr: number, n: number, batch: number, xMask: bigint, zMask: bigint, projMask: bigint, pptr: number, np: number, kr: number, ki: number, c: number, s: number): void;
}

const PAGE = 65536;
const SCRATCH_BYTES = PAGE; // matrices (≤ 16×16 complex = 4 KiB) and qubit lists
const MAX_PAGES = 65536; // 4 GiB

/** Kernel calls plus the memory they run on. */
export class WasmKernels {
  readonly memory: WebAssembly.Memory;
  readonly k: KernelExports;
  private top = SCRATCH_BYTES;
  private scratchF64: Float64Array;
  private scratchI32: Int32Array;

  private constructor() {
    this.memory = new WebAssembly.Memory({ initial: 2, maximum: MAX_PAGES });
    const module = new WebAssembly.Module(Buffer.from(KERNELS_WASM_BASE64, 'base64'));
    const instance = new WebAssembly.Instance(module, {
      env: {
        memory: this.memory,
        abort: () => {
          throw new Error('wasm kernel abort');
        },
      },
    });
    this.k = instance.exports as unknown as KernelExports;
    this.scratchF64 = new Float64Array(this.memory.buffer, 0, 512);
    this.scratchI32 = new Int32Array(this.memory.buffer, 4096, 64);
  }

  private static instance: WasmKernels | undefined;

  /** The process-wide runtime (created on first use). */
  static get(): WasmKernels {
    WasmKernels.instance ??= new WasmKernels();
    return WasmKernels.instance;
  }

  /** True when `s` lives in this runtime's memory. */
  owns(s: Float64Array): boolean {
    return s.buffer === this.memory.buffer;
  }

  /** Bytes still available for buffers. */
  get capacity(): number {
    return MAX_PAGES * PAGE - this.top;
  }

  /**
   * Allocates zeroed buffers of the given lengths (in doubles), calls `fn`, then releases
   * them. Returns undefined (without calling fn) when they do not fit in 4 GiB.
   */
  withBuffers<T>(lengths: readonly number[], fn: (buffers: Float64Array[]) => T): { value: T } | undefined {
    const bytes = lengths.map((l) => Math.ceil((l * 8) / 64) * 64);
    const needed = bytes.reduce((a, b) => a + b, 0);
    if (needed > this.capacity) return undefined;
    const mark = this.top;
    const end = this.top + needed;
    if (end > this.memory.buffer.byteLength) this.memory.grow(Math.ceil((end - this.memory.buffer.byteLength) / PAGE));
    this.refreshViews();
    const buffers: Float64Array[] = [];
    let off = this.top;
    lengths.forEach((l, i) => {
      const view = new Float64Array(this.memory.buffer, off, l);
      view.fill(0);
      buffers.push(view);
      off += bytes[i] as number;
    });
    this.top = end;
    try {
      return { value: fn(buffers) };
    } finally {
      this.top = mark;
    }
  }

  private refreshViews(): void {
    if (this.scratchF64.buffer !== this.memory.buffer) {
      this.scratchF64 = new Float64Array(this.memory.buffer, 0, 512);
      this.scratchI32 = new Int32Array(this.memory.buffer, 4096, 64);
    }
  }

  /** Writes a matrix (or diagonal) into scratch; returns its byte pointer. */
  matrix(m: ArrayLike<number>): number {
    this.refreshViews();
    this.scratchF64.set(m as ArrayLike<number>);
    return 0;
  }

  /** Writes a list of small integers into scratch; returns its byte pointer. */
  ints(values: readonly number[], slot = 0): number {
    this.refreshViews();
    this.scratchI32.set(values, slot * 16);
    return 4096 + slot * 64;
  }
}
