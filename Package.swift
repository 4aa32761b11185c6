// swift-tools-version:6.0
// permcheck — explains why a Microsoft API call returned 401/403 and the least privilege that fixes it.
// No package dependencies: Foundation and the standard library only.
import PackageDescription

let package = Package(
    name: "permcheck",
    products: [
        .executable(name: "permcheck", targets: ["permcheck"]),
        .library(name: "PermcheckCore", targets: ["PermcheckCore"]),
    ],
    targets: [
        .target(name: "PermcheckCore"),
        .executableTarget(name: "permcheck", dependencies: ["PermcheckCore"]),
        // Developer-time only, not in any product: writes every generated file (Sources/PermcheckCore/Generated/,
        // rules/graph/catalog.tsv) from committed inputs. `swift run permcheck-generate`.
        .target(name: "PermcheckGenerator", dependencies: ["PermcheckCore"]),
        .executableTarget(name: "permcheck-generate", dependencies: ["PermcheckGenerator"]),
        .testTarget(name: "PermcheckCoreTests", dependencies: ["PermcheckCore"]),
        .testTarget(name: "PermcheckGeneratorTests", dependencies: ["PermcheckGenerator", "PermcheckCore"]),
        .testTarget(name: "PermcheckCLITests", dependencies: ["PermcheckCore", "permcheck"]),
    ]
)
