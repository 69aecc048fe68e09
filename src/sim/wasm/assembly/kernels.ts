// AssemblyScript kernels for large states (compiled to WebAssembly by scripts/build-wasm.mjs).
// Same layout and semantics as ../../kernels/*.ts: interleaved complex f64, batch innermost;
// `ptr` is the byte offset of the state; matrices are read from `mptr` (interleaved, row-major).

@inline function insertZero(v: u64, p: i32): u64 {
  const low = v & ((<u64>1 << p) - 1);
  return ((v >> p) << (p + 1)) | low;
}

// Inserts zero bits at the ascending positions stored as i32 at pptr[0..np).
@inline function insertZeros(k: u64, pptr: usize, np: i32): u64 {
  let v = k;
  for (let i = 0; i < np; i++) v = insertZero(v, load<i32>(pptr + (<usize>i << 2)));
  return v;
}

@inline function parity(v: u64): u32 {
  return <u32>(popcnt<u64>(v) & 1);
}

export function apply1(ptr: usize, n: i32, batch: i32, q: i32, mptr: usize): void {
  const a = load<f64>(mptr), b = load<f64>(mptr, 8), c = load<f64>(mptr, 16), d = load<f64>(mptr, 24);
  const e = load<f64>(mptr, 32), f = load<f64>(mptr, 40), g = load<f64>(mptr, 48), h = load<f64>(mptr, 56);
  const stride: usize = (<usize>16 * <usize>batch) << q;
  const total: usize = (<usize>16 * <usize>batch) << n;
  if (stride >= 32) {
    // Two neighbouring amplitudes per step, real and imaginary parts in separate lanes.
    const va = f64x2.splat(a), vb = f64x2.splat(b), vc = f64x2.splat(c), vd = f64x2.splat(d);
    const ve = f64x2.splat(e), vf = f64x2.splat(f), vg = f64x2.splat(g), vh = f64x2.splat(h);
    for (let base: usize = 0; base < total; base += 2 * stride) {
      const end = ptr + base + stride;
      for (let i0 = ptr + base; i0 < end; i0 += 32) {
        const i1 = i0 + stride;
        const x0 = v128.load(i0), x1 = v128.load(i0, 16), y0 = v128.load(i1), y1 = v128.load(i1, 16);
        const xr = v128.shuffle<f64>(x0, x1, 0, 2), xi = v128.shuffle<f64>(x0, x1, 1, 3);
        const yr = v128.shuffle<f64>(y0, y1, 0, 2), yi = v128.shuffle<f64>(y0, y1, 1, 3);
        const or0 = f64x2.sub(f64x2.add(f64x2.mul(va, xr), f64x2.mul(vc, yr)), f64x2.add(f64x2.mul(vb, xi), f64x2.mul(vd, yi)));
        const oi0 = f64x2.add(f64x2.add(f64x2.mul(va, xi), f64x2.mul(vb, xr)), f64x2.add(f64x2.mul(vc, yi), f64x2.mul(vd, yr)));
        const or1 = f64x2.sub(f64x2.add(f64x2.mul(ve, xr), f64x2.mul(vg, yr)), f64x2.add(f64x2.mul(vf, xi), f64x2.mul(vh, yi)));
        const oi1 = f64x2.add(f64x2.add(f64x2.mul(ve, xi), f64x2.mul(vf, xr)), f64x2.add(f64x2.mul(vg, yi), f64x2.mul(vh, yr)));
        v128.store(i0, v128.shuffle<f64>(or0, oi0, 0, 2));
        v128.store(i0, v128.shuffle<f64>(or0, oi0, 1, 3), 16);
        v128.store(i1, v128.shuffle<f64>(or1, oi1, 0, 2));
        v128.store(i1, v128.shuffle<f64>(or1, oi1, 1, 3), 16);
      }
    }
    return;
  }
  for (let base: usize = 0; base < total; base += 2 * stride) {
    const end = ptr + base + stride;
    for (let i0 = ptr + base; i0 < end; i0 += 16) {
      const i1 = i0 + stride;
      const xr = load<f64>(i0), xi = load<f64>(i0, 8), yr = load<f64>(i1), yi = load<f64>(i1, 8);
      store<f64>(i0, a * xr - b * xi + c * yr - d * yi);
      store<f64>(i0, a * xi + b * xr + c * yi + d * yr, 8);
      store<f64>(i1, e * xr - f * xi + g * yr - h * yi);
      store<f64>(i1, e * xi + f * xr + g * yi + h * yr, 8);
    }
  }
}

export function applyDiag1(ptr: usize, n: i32, batch: i32, q: i32, mptr: usize): void {
  const d0r = load<f64>(mptr), d0i = load<f64>(mptr, 8), d1r = load<f64>(mptr, 16), d1i = load<f64>(mptr, 24);
  const stride: usize = (<usize>16 * <usize>batch) << q;
  const total: usize = (<usize>16 * <usize>batch) << n;
  const touch0 = !(d0r == 1.0 && d0i == 0.0);
  for (let base: usize = 0; base < total; base += 2 * stride) {
    if (touch0) {
      const end0 = ptr + base + stride;
      for (let i = ptr + base; i < end0; i += 16) {
        const xr = load<f64>(i), xi = load<f64>(i, 8);
        store<f64>(i, d0r * xr - d0i * xi);
        store<f64>(i, d0r * xi + d0i * xr, 8);
      }
    }
    const end1 = ptr + base + 2 * stride;
    for (let i = ptr + base + stride; i < end1; i += 16) {
      const xr = load<f64>(i), xi = load<f64>(i, 8);
      store<f64>(i, d1r * xr - d1i * xi);
      store<f64>(i, d1r * xi + d1i * xr, 8);
    }
  }
}

// 2x2 matrix on `target` where all control bits (cmask) are 1. Positions (controls + target,
// ascending) at pptr. isX: plain swap of the pair.
export function applyControlled1(ptr: usize, n: i32, batch: i32, cmask: u64, target: i32, pptr: usize, np: i32, mptr: usize, isX: i32): void {
  const a = load<f64>(mptr), b = load<f64>(mptr, 8), c = load<f64>(mptr, 16), d = load<f64>(mptr, 24);
  const e = load<f64>(mptr, 32), f = load<f64>(mptr, 40), g = load<f64>(mptr, 48), h = load<f64>(mptr, 56);
  const count: u64 = <u64>1 << (n - np);
  const bb: usize = <usize>16 * <usize>batch;
  const tOff: usize = bb << target;
  for (let k: u64 = 0; k < count; k++) {
    const idx = insertZeros(k, pptr, np) | cmask;
    const start = ptr + <usize>idx * bb;
    const end = start + bb;
    if (isX) {
      for (let i0 = start; i0 < end; i0 += 16) {
        const i1 = i0 + tOff;
        const xr = load<f64>(i0), xi = load<f64>(i0, 8);
        store<f64>(i0, load<f64>(i1));
        store<f64>(i0, load<f64>(i1, 8), 8);
        store<f64>(i1, xr);
        store<f64>(i1, xi, 8);
      }
    } else {
      for (let i0 = start; i0 < end; i0 += 16) {
        const i1 = i0 + tOff;
        const xr = load<f64>(i0), xi = load<f64>(i0, 8), yr = load<f64>(i1), yi = load<f64>(i1, 8);
        store<f64>(i0, a * xr - b * xi + c * yr - d * yi);
        store<f64>(i0, a * xi + b * xr + c * yi + d * yr, 8);
        store<f64>(i1, e * xr - f * xi + g * yr - h * yi);
        store<f64>(i1, e * xi + f * xr + g * yi + h * yr, 8);
      }
    }
  }
}

// Controlled-X with one control, as nested loops (no bit insertion): the CNOT hot path.
export function applyCX(ptr: usize, n: i32, batch: i32, control: i32, target: i32): void {
  const bb: usize = <usize>16 * <usize>batch;
  const cs: usize = bb << control, ts: usize = bb << target;
  const lo = cs < ts ? cs : ts, hi = cs < ts ? ts : cs;
  const total: usize = bb << n;
  for (let b1: usize = 0; b1 < total; b1 += 2 * hi) {
    for (let b0 = b1; b0 < b1 + hi; b0 += 2 * lo) {
      const end = ptr + b0 + lo;
      for (let i = ptr + b0; i < end; i += 16) {
        const i0 = i + cs, i1 = i0 + ts;
        const r = load<f64>(i0), m = load<f64>(i0, 8);
        store<f64>(i0, load<f64>(i1));
        store<f64>(i0, load<f64>(i1, 8), 8);
        store<f64>(i1, r);
        store<f64>(i1, m, 8);
      }
    }
  }
}

// General 4×4 on (q0, q1) (local bit 0 = q0), nested block loops, rows unrolled.
export function apply2(ptr: usize, n: i32, batch: i32, q0: i32, q1: i32, pptr: usize, mptr: usize): void {
  const m00r = load<f64>(mptr, 0), m00i = load<f64>(mptr, 8), m01r = load<f64>(mptr, 16), m01i = load<f64>(mptr, 24);
  const m02r = load<f64>(mptr, 32), m02i = load<f64>(mptr, 40), m03r = load<f64>(mptr, 48), m03i = load<f64>(mptr, 56);
  const m10r = load<f64>(mptr, 64), m10i = load<f64>(mptr, 72), m11r = load<f64>(mptr, 80), m11i = load<f64>(mptr, 88);
  const m12r = load<f64>(mptr, 96), m12i = load<f64>(mptr, 104), m13r = load<f64>(mptr, 112), m13i = load<f64>(mptr, 120);
  const m20r = load<f64>(mptr, 128), m20i = load<f64>(mptr, 136), m21r = load<f64>(mptr, 144), m21i = load<f64>(mptr, 152);
  const m22r = load<f64>(mptr, 160), m22i = load<f64>(mptr, 168), m23r = load<f64>(mptr, 176), m23i = load<f64>(mptr, 184);
  const m30r = load<f64>(mptr, 192), m30i = load<f64>(mptr, 200), m31r = load<f64>(mptr, 208), m31i = load<f64>(mptr, 216);
  const m32r = load<f64>(mptr, 224), m32i = load<f64>(mptr, 232), m33r = load<f64>(mptr, 240), m33i = load<f64>(mptr, 248);
  const bb: usize = <usize>16 * <usize>batch;
  const o1: usize = bb << q0, o2: usize = bb << q1;
  const lo = o1 < o2 ? o1 : o2, hi = o1 < o2 ? o2 : o1;
  const total: usize = bb << n;
  for (let b1: usize = 0; b1 < total; b1 += 2 * hi) {
    for (let b0 = b1; b0 < b1 + hi; b0 += 2 * lo) {
      const end = ptr + b0 + lo;
      for (let i = ptr + b0; i < end; i += 16) {
        const i1 = i + o1, i2 = i + o2, i3 = i + o1 + o2;
        const ar = load<f64>(i), ai = load<f64>(i, 8), br = load<f64>(i1), bi = load<f64>(i1, 8);
        const cr = load<f64>(i2), ci = load<f64>(i2, 8), dr = load<f64>(i3), di = load<f64>(i3, 8);
        store<f64>(i, m00r * ar - m00i * ai + m01r * br - m01i * bi + m02r * cr - m02i * ci + m03r * dr - m03i * di);
        store<f64>(i, m00r * ai + m00i * ar + m01r * bi + m01i * br + m02r * ci + m02i * cr + m03r * di + m03i * dr, 8);
        store<f64>(i1, m10r * ar - m10i * ai + m11r * br - m11i * bi + m12r * cr - m12i * ci + m13r * dr - m13i * di);
        store<f64>(i1, m10r * ai + m10i * ar + m11r * bi + m11i * br + m12r * ci + m12i * cr + m13r * di + m13i * dr, 8);
        store<f64>(i2, m20r * ar - m20i * ai + m21r * br - m21i * bi + m22r * cr - m22i * ci + m23r * dr - m23i * di);
        store<f64>(i2, m20r * ai + m20i * ar + m21r * bi + m21i * br + m22r * ci + m22i * cr + m23r * di + m23i * dr, 8);
        store<f64>(i3, m30r * ar - m30i * ai + m31r * br - m31i * bi + m32r * cr - m32i * ci + m33r * dr - m33i * di);
        store<f64>(i3, m30r * ai + m30i * ar + m31r * bi + m31i * br + m32r * ci + m32i * cr + m33r * di + m33i * dr, 8);
      }
    }
  }
}

export function applySwap(ptr: usize, n: i32, batch: i32, q0: i32, q1: i32, pptr: usize): void {
  const bb: usize = <usize>16 * <usize>batch;
  const o1: usize = bb << q0, o2: usize = bb << q1;
  const count: u64 = <u64>1 << (n - 2);
  for (let k: u64 = 0; k < count; k++) {
    const start = ptr + <usize>insertZeros(k, pptr, 2) * bb;
    const end = start + bb;
    for (let i = start; i < end; i += 16) {
      const i1 = i + o1, i2 = i + o2;
      const r = load<f64>(i1), m = load<f64>(i1, 8);
      store<f64>(i1, load<f64>(i2));
      store<f64>(i1, load<f64>(i2, 8), 8);
      store<f64>(i2, r);
      store<f64>(i2, m, 8);
    }
  }
}

// Diagonal on k qubits (qubit list as i32 at qptr), entries at mptr.
export function applyDiagonal(ptr: usize, n: i32, batch: i32, qptr: usize, k: i32, mptr: usize): void {
  const bb: usize = <usize>16 * <usize>batch;
  const dim: u64 = <u64>1 << n;
  for (let a: u64 = 0; a < dim; a++) {
    let j: u32 = 0;
    for (let i = 0; i < k; i++) j |= <u32>((a >> load<i32>(qptr + (<usize>i << 2))) & 1) << i;
    const dr = load<f64>(mptr + (<usize>j << 4)), di = load<f64>(mptr + (<usize>j << 4), 8);
    if (dr == 1.0 && di == 0.0) continue;
    const start = ptr + <usize>a * bb;
    const end = start + bb;
    for (let p = start; p < end; p += 16) {
      const xr = load<f64>(p), xi = load<f64>(p, 8);
      store<f64>(p, dr * xr - di * xi);
      store<f64>(p, dr * xi + di * xr, 8);
    }
  }
}

// exp(-iφ Π P) with a uniform angle (cosφ, sinφ). kr, ki = -i·i^numY.
export function applyPauliRotation(ptr: usize, n: i32, batch: i32, xMask: u64, zMask: u64, projMask: u64, pptr: usize, np: i32, kr: f64, ki: f64, c: f64, s: f64): void {
  const bb: usize = <usize>16 * <usize>batch;
  if (xMask == 0) {
    const count: u64 = <u64>1 << (n - np);
    for (let k: u64 = 0; k < count; k++) {
      const a = insertZeros(k, pptr, np) | projMask;
      const sn = parity(a & zMask) ? -s : s;
      const start = ptr + <usize>a * bb;
      const end = start + bb;
      for (let p = start; p < end; p += 16) {
        const xr = load<f64>(p), xi = load<f64>(p, 8);
        store<f64>(p, c * xr + sn * xi);
        store<f64>(p, c * xi - sn * xr, 8);
      }
    }
    return;
  }
  // pptr holds projector positions plus the pivot (lowest bit of xMask), ascending.
  const count: u64 = <u64>1 << (n - np);
  for (let k: u64 = 0; k < count; k++) {
    const a = insertZeros(k, pptr, np) | projMask;
    const p = a ^ xMask;
    const sa: f64 = parity(a & zMask) ? -s : s;
    const sp: f64 = parity(p & zMask) ? -s : s;
    const fpr = sp * kr, fpi = sp * ki, far = sa * kr, fai = sa * ki;
    const ia0 = ptr + <usize>a * bb, ip0 = ptr + <usize>p * bb;
    for (let o: usize = 0; o < bb; o += 16) {
      const ia = ia0 + o, ip = ip0 + o;
      const ar = load<f64>(ia), ai = load<f64>(ia, 8), pr = load<f64>(ip), pi = load<f64>(ip, 8);
      store<f64>(ia, c * ar + fpr * pr - fpi * pi);
      store<f64>(ia, c * ai + fpr * pi + fpi * pr, 8);
      store<f64>(ip, c * pr + far * ar - fai * ai);
      store<f64>(ip, c * pi + far * ai + fai * ar, 8);
    }
  }
}

