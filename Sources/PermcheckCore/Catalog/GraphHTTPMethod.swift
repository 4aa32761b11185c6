/// Small integer codes for HTTP methods, so that the catalogue index compares one byte per line.
enum GraphHTTPMethod {
    static let names = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
    private static let utf8Names = names.map { Array($0.utf8) }

    /// The code for the upper-case method spelled by `bytes[range]`; 255 when unknown.
    static func code(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt8 {
        for (k, name) in utf8Names.enumerated() where bytes[range].elementsEqual(name) { return UInt8(k) }
        return 255
    }

    /// The code for `method` (case-insensitive); 255 when unknown.
    static func code(_ method: String) -> UInt8 {
        names.firstIndex(of: method.uppercased()).map { UInt8($0) } ?? 255
    }
}
