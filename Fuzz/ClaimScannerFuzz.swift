// libFuzzer harness for the in-place token decoder (JSONObjectScanner + ClaimName slots). Built by scripts/fuzz
// together with Sources/PermcheckCore/**/*.swift in one module. The input is a token payload (JSON bytes): the fast
// path must accept exactly what it vouches for — whenever it accepts, the strict decoder accepts too, with the same
// token — and the claim reader over the scan must accept and reject the claims it reads as the strict reader does.
// A disagreement is a crash (fatalError), so libFuzzer keeps the input.
import Foundation

private let fuzzHeader = Base64URL.encode(Array(#"{"alg":"RS256","typ":"JWT"}"#.utf8))

func claimScannerFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let payload = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    compareClaims(payload)
    compareTokens(Array((fuzzHeader + "." + Base64URL.encode(payload) + ".c2ln").utf8))
    compareTokens(payload)  // the input as token text, too
    return 0
}

/// Scan + claim reader vs strict parser + claim reader, on the payload itself.
private func compareClaims(_ payload: [UInt8]) {
    let strict: Result<Claims, PermcheckError>
    do {
        let value = try JSONParser.parse(payload, limits: JSONLimits(maxDepth: InputLimits.tokenJSONDepth, maxBytes: InputLimits.tokenBytes))
        guard case .object(let object) = value else { strict = .failure(.usage("not an object")); return check(payload, strict) }
        strict = Result { () throws(PermcheckError) in try Claims(payload: object, source: "fuzz") }
    } catch {
        strict = .failure(.usage("invalid JSON"))
    }
    check(payload, strict)
}

private func check(_ payload: [UInt8], _ strict: Result<Claims, PermcheckError>) {
    payload.withUnsafeBufferPointer { bytes in
        withUnsafeTemporaryAllocation(of: JSONObjectScanner.Slot.self, capacity: ClaimName.allCases.count) { slots in
            guard JSONObjectScanner.scan(bytes, slots: slots, index: ClaimName.index(of:)) else { return }
            // The scan vouched for the JSON: the strict parser must have accepted it, and both claim readers must agree.
            let fast = Result { () throws(PermcheckError) in
                var claims = try Claims(reading: ClaimReader(source: "fuzz", lookup: ScanLookup(bytes: bytes, slots: slots)))
                claims.rawStorage = LazyJSONObject(validated: payload)
                return claims
            }
            switch (fast, strict) {
            case (.success(let a), .success(let b)) where a == b: break
            case (.failure(let a), .failure(let b)) where a == b: break
            default: fatalError("scan and strict parser disagree: fast \(fast), strict \(strict)")
            }
        }
    }
}

/// The in-place decoder vs the full decoder on whole token text.
private func compareTokens(_ text: [UInt8]) {
    guard let fast = text.withUnsafeBufferPointer(TokenDecoder.decodePlain) else { return }
    guard let full = try? TokenDecoder.decodeInFull(text, source: "fuzz") else {
        fatalError("decodePlain accepted a token the full decoder rejects")
    }
    guard fast == full, fast.claims.raw == full.claims.raw, fast.header == full.header else {
        fatalError("decodePlain and the full decoder read the token differently")
    }
}
