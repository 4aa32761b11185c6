/// SHA-256 (FIPS 180-4), for fingerprints such as a token's hash in reports. Pure Swift, no dependencies.
public enum SHA256 {
    /// The 32-byte SHA-256 digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { message in
            var digest = [UInt8](repeating: 0, count: 32)
            digest.withUnsafeMutableBufferPointer { hash(message, into: $0.baseAddress!) }
            return digest
        }
    }

    /// Writes the 32-byte digest of `message` to `digest`, without copying the message: the bytes in hand.
    public static func hash(_ message: UnsafeBufferPointer<UInt8>, into digest: UnsafeMutablePointer<UInt8>) {
        var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a,
            0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19)
        let count = message.count
        let fullBlocks = count / 64
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
                roundConstants.withUnsafeBufferPointer { k in
                    for block in 0..<fullBlocks {
                        compress(message.baseAddress! + block * 64, &state, w.baseAddress!, k.baseAddress!)
                    }
                    // The rest, 0x80, zeros, and the 64-bit big-endian bit length, to a multiple of 64 bytes.
                    let rest = count - fullBlocks * 64
                    let padded = rest < 56 ? 64 : 128
                    for i in 0..<padded { tail[i] = 0 }
                    if rest > 0 { UnsafeMutableRawPointer(tail.baseAddress!).copyMemory(from: message.baseAddress! + fullBlocks * 64, byteCount: rest) }
                    tail[rest] = 0x80
                    let bitLength = UInt64(count) &* 8
                    for i in 0..<8 { tail[padded - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * i)) }
                    for block in 0..<(padded / 64) {
                        compress(UnsafePointer(tail.baseAddress!) + block * 64, &state, w.baseAddress!, k.baseAddress!)
                    }
                }
            }
        }
        withUnsafeBytes(of: &state) { raw in
            for i in 0..<8 {
                let word = raw.load(fromByteOffset: 4 * i, as: UInt32.self)
                digest[4 * i] = UInt8(truncatingIfNeeded: word >> 24)
                digest[4 * i + 1] = UInt8(truncatingIfNeeded: word >> 16)
                digest[4 * i + 2] = UInt8(truncatingIfNeeded: word >> 8)
                digest[4 * i + 3] = UInt8(truncatingIfNeeded: word)
            }
        }
    }

    /// The SHA-256 digest of `bytes` as 64 lower-case hex digits.
    public static func hexDigest(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { hexDigest($0, digits: 64) }
    }

    /// A token fingerprint: `sha256:` and the first 12 hex digits of the digest, built as one string.
    public static func fingerprint(_ message: UnsafeBufferPointer<UInt8>) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digest in
            hash(message, into: digest.baseAddress!)
            return String(unsafeUninitializedCapacity: 19) { out in
                let prefix: StaticString = "sha256:", hex: StaticString = "0123456789abcdef"
                for i in 0..<7 { out[i] = prefix.utf8Start[i] }
                for i in 0..<12 { out[7 + i] = hex.utf8Start[Int(i % 2 == 0 ? digest[i / 2] >> 4 : digest[i / 2] & 0x0F)] }
                return 19
            }
        }
    }

    /// The first `digits` (≤ 64) lower-case hex digits of the digest of `message`.
    public static func hexDigest(_ message: UnsafeBufferPointer<UInt8>, digits: Int) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digest in
            hash(message, into: digest.baseAddress!)
            return String(unsafeUninitializedCapacity: digits) { out in
                let hex: StaticString = "0123456789abcdef"
                for i in 0..<digits {
                    let byte = digest[i / 2]
                    out[i] = hex.utf8Start[Int(i % 2 == 0 ? byte >> 4 : byte & 0x0F)]
                }
                return digits
            }
        }
    }

    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { x &>> n | x &<< (32 &- n) }

    /// One round, written so eight calls with rotated arguments make eight rounds without moving registers.
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
        let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ (g ^ (e & (f ^ g))) &+ kw
        d = d &+ t1
        h = t1 &+ (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) | (c & (a | b)))
    }

    /// Processes one 64-byte block (`w`: 64 words of scratch; `k`: the round constants). Raw pointers, so the
    /// fingerprint of every batch token costs no bounds checks or constant-array look-ups per round.
    @inline(__always)
    private static func compress(
        _ block: UnsafePointer<UInt8>,
        _ state: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
        _ w: UnsafeMutablePointer<UInt32>,
        _ k: UnsafePointer<UInt32>
    ) {
        let raw = UnsafeRawPointer(block)
        for t in 0..<16 { w[t] = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 4 * t, as: UInt32.self)) }
        for t in 16..<64 {
            let x = w[t - 15], y = w[t - 2]
            let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)
            let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, h) = state
        var t = 0
        while t < 64 {
            round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
            round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w[t + 1])
            round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w[t + 2])
            round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w[t + 3])
            round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w[t + 4])
            round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w[t + 5])
            round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w[t + 6])
            round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w[t + 7])
            t += 8
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d,
                 state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h)
    }
}
