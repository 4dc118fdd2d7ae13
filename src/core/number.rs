//! Reading and writing `f64` as decimal text, with exactly the standard library's results.
//! `str::parse::<f64>`, `{}` and `{:.N}` bring in `core::num::dec2flt` (whose 10 KB table of
//! powers of five does not compress) and `core::num::flt2dec` (Grisu, Dragon and their tables);
//! this module does the same three jobs with one small big integer, slower only on rare inputs.

use std::cmp::Ordering;

/// A non-negative integer: 32-bit limbs, least significant first, never a zero limb on top (so
/// zero has no limbs, and equal numbers have equal limbs).
#[derive(Clone, PartialEq)]
struct Big(Vec<u32>);

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Big) -> Option<Ordering> {
        let (a, b) = (&self.0, &other.0);
        Some(a.len().cmp(&b.len()).then_with(|| a.iter().rev().cmp(b.iter().rev())))
    }
}

impl Big {
    fn new(x: u64) -> Big {
        let mut b = Big(vec![x as u32, (x >> 32) as u32]);
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// The number of bits, 0 for zero.
    fn bits(&self) -> i64 {
        self.0.last().map_or(0, |top| 32 * self.0.len() as i64 - i64::from(top.leading_zeros()))
    }

    /// `self * m + a`.
    fn mul_add(&mut self, m: u32, a: u32) {
        let mut carry = u64::from(a);
        for x in &mut self.0 {
            let t = u64::from(*x) * u64::from(m) + carry;
            *x = t as u32;
            carry = t >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// `self * 5^n`, 13 factors at a time (5^13 is the largest power of five in a limb).
    fn mul_pow5(&mut self, mut n: i64) {
        while n > 0 {
            let k = n.min(13);
            self.mul_add(5u32.pow(k as u32), 0);
            n -= k;
        }
    }

    /// `self * 2^n`.
    fn shl(&mut self, n: i64) {
        let mut carry = 0;
        for x in &mut self.0 {
            let t = u64::from(*x) << (n % 32) | carry;
            *x = t as u32;
            carry = t >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
        if !self.0.is_empty() {
            for _ in 0..n / 32 {
                self.0.insert(0, 0);
            }
        }
    }

    fn add(&mut self, other: &Big) {
        while self.0.len() < other.0.len() {
            self.0.push(0);
        }
        let mut carry = 0;
        for (i, x) in self.0.iter_mut().enumerate() {
            let t = u64::from(*x) + u64::from(other.0.get(i).copied().unwrap_or(0)) + carry;
            *x = t as u32;
            carry = t >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// `self - other`, where `other` is no larger.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0;
        for (i, x) in self.0.iter_mut().enumerate() {
            let t = i64::from(*x) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            *x = t as u32;
            borrow = i64::from(t < 0);
        }
        self.trim();
    }
}

/// Reads a decimal number as `str::parse::<f64>` does, bit for bit (correctly rounded, half to
/// even): an optional sign, digits with an optional point (at least one digit; `.5` and `5.`
/// are fine), an optional exponent (`e` or `E`, optional sign, at least one digit). `None` for
/// anything else, the words `inf` and `NaN` included. Too large a number is infinite, as in std.
pub fn parse(text: &str) -> Option<f64> {
    let s = text.as_bytes();
    let negative = s.first() == Some(&b'-');
    let s = if negative || s.first() == Some(&b'+') { &s[1..] } else { s };
    let (mut end, mut point) = (0, None);
    while let Some(&c) = s.get(end) {
        if c == b'.' && point.is_none() {
            point = Some(end);
        } else if !c.is_ascii_digit() {
            break;
        }
        end += 1;
    }
    if end == usize::from(point.is_some()) {
        return None;
    }
    let (mantissa, rest) = s.split_at(end);
    let mut exp: i64 = 0;
    if let Some((&e, rest)) = rest.split_first() {
        let (sign, rest) = match rest.first() {
            Some(b'-') => (-1, &rest[1..]),
            Some(b'+') => (1, &rest[1..]),
            _ => (1, rest),
        };
        if e | 0x20 != b'e' || rest.is_empty() {
            return None;
        }
        for &c in rest {
            if !c.is_ascii_digit() {
                return None;
            }
            // As std, stop past 65536 (no overflow, however many digits): the number is then 0
            // or infinite, unless its mantissa has tens of thousands of digits (std's result).
            if exp < 0x10000 {
                exp = exp * 10 + i64::from(c - b'0');
            }
        }
        exp *= sign;
    }
    // The value is `digits × 10^e10`, with `n` significant digits.
    let n = digits(mantissa).count() as i64;
    let e10 = exp - point.map_or(0, |p| (end - p - 1) as i64);
    let x = if n == 0 || n + e10 < -324 {
        0.0
    } else if n + e10 > 310 {
        f64::INFINITY
    } else {
        small(mantissa, n, e10).unwrap_or_else(|| slow(mantissa, n, e10))
    };
    Some(if negative { -x } else { x })
}

/// The digits of a mantissa from its first non-zero one, the point skipped.
fn digits(mantissa: &[u8]) -> impl Iterator<Item = u8> + '_ {
    mantissa.iter().filter(|&&c| c != b'.').map(|c| c - b'0').skip_while(|&d| d == 0)
}

/// Up to 19 digits (`w < 2^64`) times `10^e10`: Clinger's fast path when the digits and the
/// power of ten are both exact doubles (one multiplication or division rounds correctly), else
/// for `|e10| ≤ 19` (`10^|e10| < 2^64`) exact 128-bit arithmetic, rounded to 53 bits.
fn small(mantissa: &[u8], n: i64, mut e10: i64) -> Option<f64> {
    if n > 19 {
        return None;
    }
    let mut w = digits(mantissa).fold(0, |w, d| w * 10 + u64::from(d));
    while e10 > 22 && w <= (1 << 53) / 10 {
        w *= 10;
        e10 -= 1;
    }
    if w <= 1 << 53 && e10.abs() <= 22 {
        let power = (0..e10.abs()).fold(1.0, |p, _| p * 10.0);
        return Some(if e10 < 0 { w as f64 / power } else { w as f64 * power });
    }
    if e10.abs() > 19 {
        return None;
    }
    let power = u128::from((0..e10.abs()).fold(1, |p, _| p * 10u64));
    // value = (q + something below 1 when `sticky`) × 2^e2, exactly; w > 0.
    let (q, e2, sticky) = if e10 >= 0 {
        (u128::from(w) * power, 0, false)
    } else {
        // w × 2^s in [2^127, 2^128), so the quotient has at least 64 bits (power < 2^64).
        let s = w.leading_zeros() + 64;
        let num = u128::from(w) << s;
        let q = num / power;
        (q, -i64::from(s), q * power != num)
    };
    // q's top 53 bits, then the 75 below them as a fraction of 2^128, rounded half to even.
    let z = q.leading_zeros();
    let (q, rest) = (q << z, q << z << 53);
    let half = 1 << 127;
    let up = rest > half || rest == half && (sticky || q >> 75 & 1 == 1);
    // Between 2^-64 and 2^128: a normal number, its 53 bits m with 2^52 ≤ m ≤ 2^53 (as in `slow`).
    let pos = e2 - i64::from(z) + 75;
    Some(f64::from_bits((((pos + 1074) as u64) << 52) + (q >> 75) as u64 + u64::from(up)))
}

/// The exact way: `digits × 10^e10` as a ratio of big integers, divided bit by bit down to the
/// 53rd significant bit (or the last subnormal one), then rounded by the remainder. 800 digits
/// decide: a double or a half-way point between two has at most 767 significant digits, so the
/// rest only matter as "some non-zero digit follows".
fn slow(mantissa: &[u8], n: i64, e10: i64) -> f64 {
    let mut num = Big(Vec::new());
    let mut sticky = false;
    for (i, d) in digits(mantissa).enumerate() {
        if i < 800 {
            num.mul_add(10, u32::from(d));
        } else {
            sticky |= d > 0;
        }
    }
    let e10 = e10 + (n - 800).max(0);
    // value = num / den × 2^e10
    let mut den = Big::new(1);
    if e10 >= 0 {
        num.mul_pow5(e10);
    } else {
        den.mul_pow5(-e10);
    }
    // 2^(top - 1) < value < 2^(top + 1); no bit below 2^-1074 is kept.
    let top = (num.bits() - den.bits() + e10).max(-1074);
    // Now `den` stands for 2^top, and num < 2 den.
    if top >= e10 {
        den.shl(top - e10);
    } else {
        num.shl(e10 - top);
    }
    let (mut q, mut pos) = (0u64, top + 1);
    while q < 1 << 52 && pos > -1074 {
        pos -= 1;
        q <<= 1;
        if num >= den {
            num.sub(&den);
            q |= 1;
        }
        num.shl(1);
    }
    // value = (q + num / 2den) × 2^pos
    if num > den || num == den && (sticky || q & 1 == 1) {
        q += 1;
    }
    if pos > 971 {
        return f64::INFINITY;
    }
    // Normal numbers carry q's top bit into the exponent field; q = 2^53 or an exponent field of
    // 2047 are the next power of two and infinity, as they should be.
    f64::from_bits((((pos + 1074) as u64) << 52) + q)
}

/// `x` as `format!("{x}")` writes it, as a new string (see [`write`]).
pub fn text(x: f64) -> String {
    let mut out = String::new();
    write(&mut out, x);
    out
}

/// Appends `x` as `format!("{x}")` does: the shortest digits that read back as `x` (of those,
/// the closest), never an exponent (`1e-7` is `0.0000001`), and `NaN`, `inf`, `-inf`, `-0`.
pub fn write(out: &mut String, x: f64) {
    if special(out, x) {
        return;
    }
    let a = x.abs();
    let (digits, k) = if a < 9_007_199_254_740_992.0 && a as u64 as f64 == a {
        let (mut n, mut digits) = (a as u64, Vec::new());
        while n > 0 {
            digits.insert(0, (n % 10) as u8);
            n /= 10;
        }
        let k = digits.len() as i64;
        (digits, k)
    } else {
        dragon(a, None)
    };
    put(out, &digits, k, 0);
}

/// Appends `x` as `format!("{x:.decimals$}")` does: its exact value rounded half to even at
/// that many decimals (`0.25` to one is `0.2`), never an exponent, and `NaN`, `inf`, `-inf`;
/// negative numbers keep their sign even when they round to zero (`-0.0`).
pub fn write_fixed(out: &mut String, x: f64, decimals: usize) {
    if special(out, x) {
        return;
    }
    let limit = -(decimals as i64);
    let (digits, k) = if x == 0.0 { (Vec::new(), limit) } else { dragon(x.abs(), Some(limit)) };
    put(out, &digits, k, decimals);
}

/// Writes `NaN` or an infinity (then true), or the minus sign of any other negative number.
fn special(out: &mut String, x: f64) -> bool {
    if x.is_nan() {
        out.push_str("NaN");
        return true;
    }
    if x.is_sign_negative() {
        out.push('-');
    }
    if x.is_infinite() {
        out.push_str("inf");
    }
    x.is_infinite()
}

/// Writes `0.d₁d₂… × 10^k` without an exponent, with at least `decimals` decimals.
fn put(out: &mut String, digits: &[u8], k: i64, decimals: usize) {
    let digit = |i: i64| match usize::try_from(i).ok().and_then(|i| digits.get(i)) {
        Some(&d) => char::from(b'0' + d),
        None => '0',
    };
    if k <= 0 {
        out.push('0');
    }
    for i in 0..k {
        out.push(digit(i));
    }
    let decimals = (digits.len() as i64 - k).max(decimals as i64);
    if decimals > 0 {
        out.push('.');
        for i in k..k + decimals {
            out.push(digit(i));
        }
    }
}

/// The digits of a finite `x > 0` and its decimal exponent `k` (x ≈ 0.d₁d₂… × 10^k), by
/// Dragon4 (Steele & White, Burger & Dybvig) as std's flt2dec has it. With `limit` `None`: the
/// shortest digits that read back as `x`, the closest of those, ties rounded up; else the
/// exact digits down to the 10^limit place, rounded half to even.
fn dragon(x: f64, limit: Option<i64>) -> (Vec<u8>, i64) {
    // As std decodes: x = mant × 2^exp, any number in (mant - minus, mant + plus) × 2^exp reads
    // back as x, bounds included when `inclusive`; the gap below a power of two is half the one
    // above (for the smallest normal number too); subnormals always count as even.
    let bits = x.to_bits();
    let (fraction, biased) = (bits & ((1 << 52) - 1), (bits >> 52) as i64);
    let (m, e) = if biased == 0 { (fraction, -1074) } else { (fraction | 1 << 52, biased - 1075) };
    let asymmetric = biased > 0 && fraction == 0;
    let (mant, exp) = (m << (1 + u32::from(asymmetric)), e - 1 - i64::from(asymmetric));
    let inclusive = limit.is_some() || biased == 0 || m & 1 == 0;
    let shortest = limit.is_none();
    // r / s = x; low is the distance to the lower bound, in r's unit (none when exact), and
    // the distance to the upper one is low again or, when asymmetric, twice low.
    let (mut r, mut s, mut low) = (Big::new(mant), Big::new(1), Big::new(u64::from(shortest)));
    if exp >= 0 {
        for b in [&mut r, &mut low] {
            b.shl(exp);
        }
    } else {
        s.shl(-exp);
    }
    let reaches = |a: &Big, b: &Big| a > b || inclusive && a == b;
    // Whether r + high reaches s, in one buffer for all the sums (no allocation each time).
    let mut sum = Big(Vec::new());
    let mut above = |r: &Big, low: &Big, s: &Big| {
        sum.0.clone_from(&r.0);
        for _ in 0..=u8::from(asymmetric) {
            sum.add(low);
        }
        reaches(&sum, s)
    };
    // An estimate no larger than k from the bit length: 2^b ≤ x, so 10^k > x needs k above
    // floor(b log10(2)), which is floor(b × 78913 / 2^18) for any |b| < 1200 (checked apart,
    // exactly); then k is raised until x + high < 10^k (≤ when exclusive) holds.
    let mut k = (((i64::from(63 - mant.leading_zeros()) + exp) * 78913) >> 18) + 1;
    if k >= 0 {
        s.mul_pow5(k);
        s.shl(k);
    } else {
        for b in [&mut r, &mut low] {
            b.mul_pow5(-k);
            b.shl(-k);
        }
    }
    while above(&r, &low, &s) {
        s.mul_add(10, 0);
        k += 1;
    }
    if let Some(limit) = limit.filter(|&limit| k < limit) {
        // Below half a unit of the last decimal.
        return (Vec::new(), limit);
    }
    let mut digits = Vec::new();
    // The same loop in u64 when s < 2^64 / 11 (doubles from about 0.016 to 2^53): r < s and
    // the distance to either bound is at most s, so ten times either, and r + high, fit.
    let v = |b: &Big| b.0.iter().rev().fold(0, |a, &limb| a << 32 | u64::from(limb));
    if shortest && s.bits() <= 64 && v(&s) < u64::MAX / 11 {
        let (mut r, s, mut low) = (v(&r), v(&s), v(&low));
        let reaches = |a: u64, b: u64| a > b || inclusive && a == b;
        loop {
            r *= 10;
            low *= 10;
            digits.push((r / s) as u8);
            r %= s;
            let (down, up) = (reaches(low, r), reaches(r + (low << u8::from(asymmetric)), s));
            if down || up {
                if up && (!down || 2 * r >= s) {
                    round_up(&mut digits, &mut k);
                }
                return (digits, k);
            }
        }
    }
    loop {
        // r / s is what is left, in units of the next digit: 10^(k - digits - 1).
        for b in [&mut r, &mut low] {
            b.mul_add(10, 0);
        }
        if let Some(limit) = limit {
            if k - digits.len() as i64 == limit || r.0.is_empty() {
                let mut half = s.clone();
                half.mul_add(5, 0);
                if r > half || r == half && digits.last().is_some_and(|d| d & 1 == 1) {
                    round_up(&mut digits, &mut k);
                }
                break;
            }
        }
        let mut d = 0;
        while r >= s {
            r.sub(&s);
            d += 1;
        }
        digits.push(d);
        if shortest {
            let (down, up) = (reaches(&low, &r), above(&r, &low, &s));
            if down || up {
                let mut twice = r.clone();
                twice.shl(1);
                if up && (!down || twice >= s) {
                    round_up(&mut digits, &mut k);
                }
                break;
            }
        }
    }
    (digits, k)
}

/// Adds one in the last place: `1299` becomes `1300`, `999` becomes `1000` one place higher.
fn round_up(digits: &mut Vec<u8>, k: &mut i64) {
    match digits.iter().rposition(|&d| d < 9) {
        Some(i) => {
            digits[i] += 1;
            digits[i + 1..].fill(0);
        }
        None => {
            digits.fill(0);
            digits.insert(0, 1);
            *k += 1;
        }
    }
}

/// `x` held within `lo..=hi` (`NaN` stays `NaN`), as `f64::clamp` does for valid bounds but
/// without its assertion, whose message would bring the standard library's float formatting
/// back into the first view. `lo` must not exceed `hi`.
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x < lo {
        lo
    } else if x > hi {
        hi
    } else {
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A long text shortened for a failure message.
    fn show(text: &str) -> String {
        if text.len() <= 200 {
            return format!("{text:?}");
        }
        format!("{:?} … ({} bytes) … {:?}", &text[..80], text.len(), &text[text.len() - 80..])
    }

    fn check_parse(text: &str) {
        let want = text.parse::<f64>().ok().map(f64::to_bits);
        assert_eq!(
            parse(text).map(f64::to_bits),
            want,
            "parse({}): std gives {:?}",
            show(text),
            want.map(f64::from_bits)
        );
    }

    fn check_write(x: f64) {
        let mut out = String::new();
        write(&mut out, x);
        assert_eq!(out, format!("{x}"), "write({x:?}), bits {:#018x}", x.to_bits());
    }

    fn check_fixed(x: f64, decimals: usize) {
        let mut out = String::new();
        write_fixed(&mut out, x, decimals);
        assert_eq!(
            out,
            format!("{x:.decimals$}"),
            "write_fixed({x:?}, {decimals}), bits {:#018x}",
            x.to_bits()
        );
    }

    fn written(x: f64) -> String {
        let mut out = String::new();
        write(&mut out, x);
        out
    }

    fn fixed(x: f64, decimals: usize) -> String {
        let mut out = String::new();
        write_fixed(&mut out, x, decimals);
        out
    }

    /// The decimal digits of a big integer.
    fn decimal(b: &Big) -> String {
        let (mut limbs, mut chunks) = (b.0.clone(), vec![]);
        while !limbs.is_empty() {
            let mut rem = 0;
            for x in limbs.iter_mut().rev() {
                let t = rem << 32 | u64::from(*x);
                *x = (t / 1_000_000_000) as u32;
                rem = t % 1_000_000_000;
            }
            while limbs.last() == Some(&0) {
                limbs.pop();
            }
            chunks.push(rem);
        }
        let mut text = chunks.pop().unwrap_or(0).to_string();
        for chunk in chunks.iter().rev() {
            text += &format!("{chunk:09}");
        }
        text
    }

    /// The exact half-way point between a finite `x ≥ 0` and the next double up (infinity after
    /// MAX), written out in full as digits and an exponent, then that less and more one unit in
    /// its last digit.
    fn midpoint(x: f64) -> [String; 3] {
        let bits = x.to_bits();
        let (fraction, biased) = (bits & ((1 << 52) - 1), (bits >> 52) as i64);
        let (m, e) = if biased == 0 { (fraction, -1074) } else { (fraction | 1 << 52, biased - 1075) };
        // (2m + 1) × 2^(e - 1), and 2^-n = 5^n × 10^-n.
        let mut n = Big::new(2 * m + 1);
        let exp = if e >= 1 {
            n.shl(e - 1);
            0
        } else {
            n.mul_pow5(1 - e);
            e - 1
        };
        [-1, 0, 1].map(|step| {
            let mut n = n.clone();
            match step {
                -1 => n.sub(&Big::new(1)),
                1 => n.add(&Big::new(1)),
                _ => {}
            }
            format!("{}e{exp}", decimal(&n))
        })
    }

    const MAX_DIGITS: &str = "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791";

    #[test]
    fn clamp_is_std_clamp_without_its_assertion() {
        let values = [f64::NEG_INFINITY, -1e300, -2.5, -0.0, 0.0, 0.5, 1.0, 3.75, 1e300, f64::INFINITY];
        for (lo, hi) in [(0.0, 1.0), (-2.5, 3.75), (1.0, 1.0), (f64::NEG_INFINITY, 0.0)] {
            for x in values {
                assert_eq!(clamp(x, lo, hi).to_bits(), x.clamp(lo, hi).to_bits(), "{x} in {lo}..={hi}");
            }
            assert!(clamp(f64::NAN, lo, hi).is_nan());
        }
    }

    #[test]
    fn parse_hard_cases() {
        let cases = concat!(
            "0 -0 +0 0.0 -0.0 00 000.000e-999 -.0 0. .5 5. -.5 +5. 1 -1 1.0 0.1 0.3 ",
            "0.30000000000000004 0.333333333333333333333333333333 1e23 1e22 1e-22 ",
            "8.98846567431158e307 123456789012345680000 1301.6000000000001 0.5 9007199254740992 ",
            "9007199254740993 9007199254740994 9007199254740995 9007199254740993.0000000000000000001 ",
            "4503599627370496.5 4503599627370497.5 1448997445238699 7.2057594037927933e16 1e308 ",
            "1.7976931348623157e308 1.7976931348623158e308 1.7976931348623159e308 ",
            "-1.7976931348623159e308 1e309 -1e309 2.2250738585072014e-308 2.2250738585072011e-308 ",
            "2.2250738585072012e-308 2.225073858507201e-308 2.2250738585072009e-308 ",
            "4.9406564584124654e-324 5e-324 3e-324 2e-324 1e-324 2.4703282292062327e-324 ",
            "2.4703282292062328e-324 -2.4703282292062328e-324 1e-400 1E5 1e+5 1e-5 00000001.5000 ",
            "1.e5 1.00000000000000011102230246251565404236316680908203125 ",
            "1.00000000000000011102230246251565404236316680908203124 ",
            "1.00000000000000011102230246251565404236316680908203126 ",
            "1.00000000000000033306690738754696212708950042724609375 ",
            "99999999999999999999999999999999999999 0.99999999999999999999999999999999999999 ",
            "9.999999999999999999999999e307 9.999999999999999999999999e308 ",
        );
        for text in cases.split_whitespace() {
            check_parse(text);
        }
        let nines = "9".repeat(400);
        let below = format!("{MAX_DIGITS}.9999999999");
        let above = format!("{}2", &MAX_DIGITS[..MAX_DIGITS.len() - 1]);
        let tiny = format!("0.{}1", "0".repeat(400));
        for text in [&nines, &format!("0.{nines}"), &format!("{nines}e-400"), &below, &above, &tiny] {
            check_parse(text);
        }
        assert_eq!(parse(&below), Some(f64::MAX));
        assert_eq!(parse(&above), Some(f64::INFINITY));
        assert_eq!(parse(&tiny), Some(0.0));
        assert_eq!(parse("1.7976931348623158e308"), Some(f64::MAX));
        assert_eq!(parse("-0").map(f64::to_bits), Some((-0.0f64).to_bits()));
        assert_eq!(parse("2.4703282292062327e-324"), Some(0.0));
        assert_eq!(parse("2.4703282292062328e-324"), Some(f64::from_bits(1)));
        assert_eq!(parse("9007199254740993"), Some(9007199254740992.0));
    }

    #[test]
    fn parse_every_power_of_ten_and_its_neighbourhood() {
        for i in -345..=330 {
            for mantissa in ["1", "5", "9.999999999999999", "2.5", "1.0000000000000002", "4.9406564584124654"]
            {
                check_parse(&format!("{mantissa}e{i}"));
            }
        }
    }

    #[test]
    fn parse_huge_texts_and_exponents() {
        let million = 1_000_000;
        let [_, mid, _] = midpoint(1.0);
        let one_after = format!("1.{}", &mid[1..mid.find('e').unwrap()]);
        let cases = [
            format!("1{}", "0".repeat(million)),
            format!("0.{}1", "0".repeat(million)),
            format!("0.{}", "3".repeat(million)),
            format!("1{}e-{million}", "0".repeat(million)),
            format!("{}e-{million}", "9".repeat(million)),
            format!("{}e-{}", "1".repeat(million), million + 300),
            // The half-way point after 1, exactly (ties to 1) and with a non-zero digit far away.
            one_after.clone(),
            format!("{one_after}{}", "0".repeat(million)),
            format!("{one_after}{}1", "0".repeat(million)),
            format!("1e{}", "9".repeat(100_000)),
            "1e99999999999999999999".into(),
            "1e-99999999999999999999".into(),
            "-1e-99999999999999999999".into(),
            "0e99999999999".into(),
            "-0e99999999999999999999999".into(),
            "1e9223372036854775807".into(),
            "1e9223372036854775808".into(),
            "1e-9223372036854775808".into(),
            "1e-9223372036854775809".into(),
            format!("0.{}1e99999999999999999999", "0".repeat(million)),
            format!("{}e-99999999999999999999", "1".repeat(million)),
            // std stops reading an exponent's digits past 65536, which shows with this many digits.
            format!("1{}e-70000", "0".repeat(70_000)),
            format!("1{}e-700000", "0".repeat(700_000)),
            format!("1{}e-0000000700000", "0".repeat(700_000)),
            format!("0.{}1e100001", "0".repeat(100_000)),
            format!("0.{}1e65536", "0".repeat(65_535)),
            format!("0.{}1e65537", "0".repeat(65_536)),
        ];
        for text in &cases {
            check_parse(text);
        }
        assert_eq!(parse("1e99999999999999999999"), Some(f64::INFINITY));
        assert_eq!(parse("1e-99999999999999999999"), Some(0.0));
        assert_eq!(parse(&cases[6]), Some(1.0));
        assert_eq!(parse(&cases[7]), Some(1.0));
        assert_eq!(parse(&cases[8]), Some(1.0 + f64::EPSILON));
    }

    #[test]
    fn parse_refuses_what_is_not_a_finite_decimal() {
        let refused = [
            "", "+", "-", ".", "+.", "-.", "e1", ".e1", "1e", "1e+", "1e-", "1.2.3", "..1", " 1", "1 ", "1x",
            "0x10", "1_000", "1,5", "++1", "+-1", "--1", "1e1.5", "1e1e1", "1d5", "1e+-1", "١", "1e٣", "1\n",
        ];
        for text in refused {
            assert_eq!(parse(text), None, "{text:?}");
            assert!(text.parse::<f64>().is_err(), "std reads {text:?}");
        }
        for text in ["inf", "-inf", "+inf", "infinity", "Infinity", "-INFINITY", "NaN", "nan", "-nan", "+NaN"]
        {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }

    /// Values where formatting is hard: extremes, powers of two (an asymmetric gap) and of ten,
    /// and a neighbour each side of all of them.
    /// Ties and near-ties at one or two decimals, where rounding half to even shows.
    const TIES: [f64; 12] = [0.5, 1.5, 2.5, 0.25, 0.125, 0.375, -0.04, 0.05, 0.005, 9.5, 99.5, 0.95];

    fn hard_values() -> Vec<f64> {
        let mut values = TIES.to_vec();
        values.extend([
            0.0,
            -0.0,
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            0.1,
            0.2,
            0.3,
            0.1 + 0.2,
            1.0 / 3.0,
            2.0 / 3.0,
            1301.6000000000001,
            1301.6,
            1234.5678,
            123456789012345680000.0,
            1e23,
            1e22,
            1e21,
            1e15,
            1e16,
            1e17,
            8.98846567431158e307,
            1e300,
            1e-300,
            1e-7,
            5e-310,
            9007199254740991.0,
            9007199254740992.0,
            18446744073709551616.0,
        ]);
        values.push(f64::from_bits(0x000F_FFFF_FFFF_FFFF));
        values.push(f64::from_bits(1));
        for i in 0..2046 {
            values.push(f64::from_bits(i << 52));
            values.push(f64::from_bits((i + 1) << 52 | 0x000F_FFFF_FFFF_FFFF));
        }
        for i in -325..=308 {
            values.push(format!("1e{i}").parse().unwrap());
        }
        let neighbours: Vec<f64> = values
            .iter()
            .filter(|x| x.is_finite())
            .flat_map(|x| [f64::from_bits(x.to_bits() + 1), f64::from_bits(x.to_bits().wrapping_sub(1))])
            .collect();
        values.extend(neighbours);
        values.extend(values.clone().iter().map(|x| -x));
        values
    }

    #[test]
    fn write_hard_cases() {
        for x in hard_values() {
            check_write(x);
        }
        assert_eq!(written(-0.0), "-0");
        assert_eq!(written(f64::NAN), "NaN");
        assert_eq!(written(f64::NEG_INFINITY), "-inf");
        assert_eq!(written(1e-7), "0.0000001");
        assert_eq!(written(1e300), format!("1{}", "0".repeat(300)));
        assert_eq!(written(1301.6000000000001), "1301.6000000000001");
        let mut out = String::from("x = ");
        write(&mut out, 0.5);
        assert_eq!(out, "x = 0.5");
    }

    #[test]
    fn write_fixed_hard_cases() {
        // Every hard value up to 10^25 at one number of decimals (they take turns; larger ones
        // only have more integer digits, generated the same way) …
        for (i, x) in hard_values().into_iter().filter(|x| x.is_nan() || x.abs() <= 1e25).enumerate() {
            check_fixed(x, i % 18);
        }
        // … and ties, near-ties and extremes at all of them.
        let mut values = TIES.to_vec();
        values.extend([
            0.45,
            1e300,
            1e-300,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            1301.6000000000001,
            1.0 / 3.0,
            0.1,
            1e17,
            1e-17,
            5e-18,
            0.0,
            -0.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ]);
        values.extend((0..40).map(|k| f64::from(k) + 0.5));
        values.extend((0..64).map(|k| f64::from(2 * k + 1) / 128.0));
        values.extend((1..60).map(|k| 0.5f64.powi(k)));
        for x in values.clone().into_iter().chain(values.iter().map(|x| -x)) {
            for decimals in 0..=17 {
                check_fixed(x, decimals);
            }
        }
        assert_eq!(fixed(0.25, 1), "0.2");
        assert_eq!(fixed(0.5, 0), "0");
        assert_eq!(fixed(1.5, 0), "2");
        assert_eq!(fixed(-0.04, 1), "-0.0");
        assert_eq!(fixed(-0.0, 3), "-0.000");
        assert_eq!(fixed(f64::NAN, 2), "NaN");
        assert!(fixed(1e300, 2).ends_with("0540160.00"));
    }

    /// Dragon's first estimate of the decimal exponent: floor(b log10(2)) for every binary
    /// exponent b a double's bit length can give, i.e. 10^j ≤ 2^b < 10^(j + 1).
    #[test]
    fn decimal_exponent_estimate_is_exact() {
        // 10^a × 2^c for a, c ≥ 0.
        let power = |a: i64, c: i64| {
            let mut n = Big::new(1);
            n.mul_pow5(a);
            n.shl(a + c);
            n
        };
        for b in -1100i64..=1100 {
            let j = (b * 78913) >> 18;
            assert!(power(j.max(0), (-b).max(0)) <= power((-j).max(0), b.max(0)), "{b}");
            assert!(power((-j - 1).max(0), b.max(0)) < power((j + 1).max(0), (-b).max(0)), "{b}");
        }
    }

    #[test]
    fn midpoints_are_what_they_claim() {
        assert_eq!(midpoint(1.0)[1], "100000000000000011102230246251565404236316680908203125e-53");
        // 2^-1075 = 5^1075 × 10^-1075
        let mut half_of_smallest = Big::new(1);
        half_of_smallest.mul_pow5(1075);
        assert_eq!(midpoint(0.0)[1], format!("{}e-1075", decimal(&half_of_smallest)));
        assert!(decimal(&half_of_smallest).starts_with("24703282292062327208828439643411068618"));
        let four = "4000000000000000444089209850062616169452667236328125e-51";
        assert_eq!(midpoint(4.0), [four.replace("125e", "124e"), four.into(), four.replace("125e", "126e")]);
    }

    // The property tests use proptest, a native-only dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn config(cases: u32) -> ProptestConfig {
            ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
        }

        /// Any double: any bit pattern (so mostly huge or tiny), one near 1, or a decimal of the
        /// kind the app stores (a whole number of hundredths and so on).
        fn any_f64() -> impl Strategy<Value = f64> {
            prop_oneof![
                any::<u64>().prop_map(f64::from_bits),
                (any::<bool>(), 953u64..1093, any::<u64>())
                    .prop_map(|(neg, e, f)| f64::from_bits(u64::from(neg) << 63 | e << 52 | f >> 12)),
                (-100_000_000i64..100_000_000, 0..7).prop_map(|(n, p)| n as f64 / 10f64.powi(p)),
            ]
        }

        proptest! {
            #![proptest_config(config(20_000))]

            #[test]
            fn parse_reads_what_std_writes(x in any_f64(), n in 0usize..25) {
                if x.is_finite() {
                    for text in [format!("{x}"), format!("{x:e}"), format!("{x:?}"), format!("{x:.n$}"), format!("{x:.n$e}")] {
                        check_parse(&text);
                    }
                }
            }

            #[test]
            fn parse_reads_random_decimals_like_std(
                sign in "[+-]?",
                digits in "[0-9]{1,40}",
                point in 0usize..=40,
                exp in -400i32..400,
                form in 0..4,
            ) {
                let point = point.min(digits.len());
                let mantissa = format!("{sign}{}.{}", &digits[..point], &digits[point..]);
                let text = match form {
                    0 => mantissa,
                    1 => format!("{mantissa}e{exp}"),
                    2 => format!("{mantissa}E+{exp}"),
                    _ => format!("{sign}{digits}e{exp}"),
                };
                check_parse(&text);
            }

            /// The 128-bit path: up to 19 digits (any length, from the shifts) times 10^k, with
            /// the point anywhere among the digits or none.
            #[test]
            fn parse_u64_digits_times_a_power_of_ten_like_std(
                w in any::<u64>(),
                shift in 0u32..64,
                k in -19i64..=19,
                point in 0usize..=20,
            ) {
                let digits = (w >> shift).to_string();
                let point = point.min(digits.len());
                check_parse(&format!("{digits}e{k}"));
                let after = (digits.len() - point) as i64;
                check_parse(&format!("{}.{}e{}", &digits[..point], &digits[point..], k + after));
            }

            /// Half-way points between two doubles (t × 2^e, t odd of 54 bits) for the 128-bit
            /// path: t × 2^k itself for k ≥ 0; for k < 0 the decimals w × 10^k of at most 19 digits
            /// just below and just above one (the same when exact), often closer to it than the
            /// quotient's last bit, so that only the remainder tells them from it; and w ± 1.
            #[test]
            fn parse_u64_digits_at_midpoints_like_std(m in 0u64..1 << 52, k in -19i64..=9) {
                let t = 1 << 53 | m << 1 | 1;
                let (below, above) = if k >= 0 {
                    (t << k, t << k)
                } else {
                    // (t × 5^-k / 2^j) × 10^k is t × 2^(k - j), with j making its floor below 2^63.
                    let p = u128::from(t) * 5u128.pow(-k as u32);
                    let j = (128 - p.leading_zeros()).saturating_sub(63);
                    let floor = (p >> j) as u64;
                    (floor, floor + u64::from(p & ((1 << j) - 1) != 0))
                };
                for w in [below - 1, below, above, above + 1] {
                    check_parse(&format!("{w}e{}", k.min(0)));
                }
            }

            #[test]
            fn parse_any_short_text_like_std(text in "[0-9.eE+-]{0,12}") {
                check_parse(&text);
            }

            #[test]
            fn write_like_std(x in any_f64()) {
                check_write(x);
            }

            #[test]
            fn write_fixed_like_std(x in any_f64(), decimals in 0usize..=17) {
                check_fixed(x, decimals);
            }

            #[test]
            fn write_reads_back(x in any_f64()) {
                if x.is_finite() {
                    prop_assert_eq!(parse(&written(x)).map(f64::to_bits), Some(x.to_bits()), "{:?}", x);
                }
            }
        }

        proptest! {
            #![proptest_config(config(1_500))]

            /// The exact half-way point between two doubles rounds to the even one; a unit more
            /// or less in its last digit (of hundreds, for small numbers) rounds away from it.
            #[test]
            fn parse_reads_midpoints_like_std(bits in 0u64..0x7FF0_0000_0000_0000) {
                let x = f64::from_bits(bits);
                let next = f64::from_bits(bits + 1);
                let [below, exact, above] = midpoint(x);
                for text in [&below, &exact, &above] {
                    check_parse(text);
                }
                prop_assert_eq!(parse(&below), Some(x));
                prop_assert_eq!(parse(&exact), Some(if bits & 1 == 0 { x } else { next }));
                prop_assert_eq!(parse(&above), Some(next));
            }
        }
    }
}
