// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "docpipe",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "DocPipe", targets: ["DocPipe"]),
        .executable(name: "docpipe", targets: ["docpipe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The document model is the only thing stages share.
        // SHA-256 block compression in C: SHA-NI where the CPU has it (checksums are on the hot path).
        .target(name: "CSHA256"),
        // glibc's mallopt, which Swift's Glibc module does not expose (the command-line tools' allocator settings).
        .target(name: "CAllocator"),
        .target(name: "DocPipeCore", dependencies: ["CSHA256"]),
        .target(name: "DocPipeDecode", dependencies: ["DocPipeCore"]),
        .target(name: "DocPipeClean", dependencies: ["DocPipeCore", "CLibXML2"]),
        .target(name: "DocPipeSegment", dependencies: ["DocPipeCore"]),
        .target(name: "DocPipeExtract", dependencies: ["DocPipeCore"], exclude: ["Resources"]),
        .target(name: "DocPipeValidate", dependencies: ["DocPipeCore"]),
        .target(name: "DocPipeEmit", dependencies: ["DocPipeCore"]),
        .target(
            name: "DocPipe",
            dependencies: [
                "DocPipeCore", "DocPipeDecode", "DocPipeClean", "DocPipeSegment", "DocPipeExtract", "DocPipeValidate", "DocPipeEmit",
                "CAllocator", .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "docpipe",
            dependencies: ["DocPipe", "DocPipeEmit", "DocPipeValidate", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .target(name: "DocPipeBench"),
        // Schema validators shared by the test targets (JSON Schema subset, XSD through libxml2).
        .target(name: "DocPipeTestSupport", dependencies: ["CLibXML2"]),
        .executableTarget(name: "docpipe-bench", dependencies: ["DocPipe", "DocPipeBench", "DocPipeExtract", "DocPipeValidate", "DocPipeEmit"]),
        .executableTarget(name: "docpipe-conformance", dependencies: ["DocPipe", "DocPipeClean", "DocPipeExtract"]),
        .testTarget(name: "DocPipeCoreTests", dependencies: ["DocPipeCore", "DocPipeTestSupport"]),
        .testTarget(name: "DocPipeDecodeTests", dependencies: ["DocPipeDecode", "DocPipeTestSupport"]),
        .testTarget(name: "DocPipeCleanTests", dependencies: ["DocPipeClean", "DocPipeDecode", "DocPipeTestSupport"]),
        .testTarget(name: "DocPipeSegmentTests", dependencies: ["DocPipeSegment", "DocPipeCore", "DocPipeTestSupport"]),
        .testTarget(name: "DocPipeEmitTests", dependencies: ["DocPipeEmit", "DocPipeCore", "DocPipeTestSupport", "CLibXML2"]),
        .testTarget(name: "DocPipeExtractTests", dependencies: ["DocPipeExtract", "DocPipeCore", "DocPipeTestSupport"]),
        .testTarget(name: "DocPipeValidateTests", dependencies: ["DocPipe", "DocPipeValidate", "DocPipeTestSupport"]),
        .testTarget(name: "DocPipeTests", dependencies: ["DocPipe", "DocPipeTestSupport", "CLibXML2"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
