import Foundation

extension String {
    /// Whether the two strings are equal ignoring case, as `caseInsensitiveCompare(_:) == .orderedSame` decides.
    ///
    /// ASCII strings (identifiers, scopes, header names: the usual case) are compared byte by byte with ASCII
    /// case folding, which gives the same answer without Foundation's `NSString` bridge (slow on Linux, and on
    /// the batch hot path); anything else falls back to `caseInsensitiveCompare`.
    func equalsIgnoringCase(_ other: String) -> Bool {
        var lhs = self
        var rhs = other
        let ascii: Bool? = lhs.withUTF8 { a in
            rhs.withUTF8 { b in
                var allASCII = true
                for byte in a where byte >= 0x80 { allASCII = false; break }
                for byte in b where byte >= 0x80 { allASCII = false; break }
                guard allASCII else { return nil }
                guard a.count == b.count else { return false }
                for i in 0..<a.count {
                    let x = a[i], y = b[i]
                    if x == y { continue }
                    let lx = x >= 65 && x <= 90 ? x | 0x20 : x
                    let ly = y >= 65 && y <= 90 ? y | 0x20 : y
                    if lx != ly { return false }
                }
                return true
            }
        }
        return ascii ?? (caseInsensitiveCompare(other) == .orderedSame)
    }
}
