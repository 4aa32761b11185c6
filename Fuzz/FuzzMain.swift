// The one entry point libFuzzer calls. scripts/fuzz builds all harnesses into one binary (one sanitizer build of the
// core instead of five) and links .build-fuzz/<harness> to it; the name it runs under picks the harness, so
// `.build-fuzz/token fuzz-out/<file>` replays a token crash, and libFuzzer's -fork children (same argv[0]) agree.
import Foundation

private let harness: @Sendable (UnsafePointer<UInt8>?, Int) -> CInt = {
    let name = CommandLine.arguments.first.map { String($0.split(separator: "/").last ?? "") } ?? ""
    switch name {
    case "token": return tokenDecoderFuzz
    case "evidence": return evidenceLoaderFuzz
    case "rules": return ruleLoaderFuzz
    case "output": return outputSafetyFuzz
    case "claims": return claimScannerFuzz
    default: fatalError("run this binary as .build-fuzz/<token|evidence|rules|output|claims> (scripts/fuzz makes the links); it ran as '\(name)'")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    harness(data, size)
}
