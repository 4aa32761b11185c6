/// Small integer codes for HTTP methods, so that the catalogue index compares one byte per line.
enum GraphHTTPMethod {
    /// The methods, indexed by code.
    static let names = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    /// The code for the upper-case method spelled by `bytes[range]`; 255 when unknown.
    /// A switch on length and the first two bytes, because it runs once per catalogue line at load.
    static func code(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt8 {
        guard range.count >= 3 else { return 255 }
        switch (range.count, bytes[range.lowerBound], bytes[range.lowerBound + 1]) {
        case (3, 0x47, 0x45): return 0  // GET
        case (4, 0x50, 0x4F): return 1  // POST
        case (3, 0x50, 0x55): return 2  // PUT
        case (5, 0x50, 0x41): return 3  // PATCH
        case (6, 0x44, 0x45): return 4  // DELETE
        case (4, 0x48, 0x45): return 5  // HEAD
        case (7, 0x4F, 0x50): return 6  // OPTIONS
        default: return 255
        }
    }

    /// The code for `method` (case-insensitive); 255 when unknown.
    static func code(_ method: String) -> UInt8 {
        names.firstIndex(of: method.uppercased()).map { UInt8($0) } ?? 255
    }
}
