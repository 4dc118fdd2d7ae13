//! CPU work: the thread computes until a deadline on the page's clock, as a real CPU-bound
//! task (an image filter, a parser) would hold it.

use super::clock::now;

/// Computes until `ms` milliseconds have passed; returns how long it really took.
pub fn spin(ms: f64) -> f64 {
    let start = now();
    let deadline = start + ms;
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    loop {
        // A few hundred rounds of xorshift between clock reads: real work, cheap to check.
        for _ in 0..256 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
        }
        std::hint::black_box(state);
        let t = now();
        if t >= deadline {
            return t - start;
        }
    }
}
