// swift-tools-version:6.1
// Outturn benchmark suite (ordo-one/benchmark). A package of its own so that its dependencies
// never reach the library's users and `swift test` of the main package never runs it.
// Run from the repository root with `make bench`, or here with `swift package benchmark`.
import PackageDescription

/// One executable target per suite, in Benchmarks/<Suite>/ (the ordo-one convention).
func suite(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(
        name: name,
        dependencies: dependencies + [
            .product(name: "Benchmark", package: "benchmark"),
            "BenchmarkSupport",
        ],
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let numerics: Target.Dependency = .product(name: "OutturnNumerics", package: "Outturn")
let domain: Target.Dependency = .product(name: "Outturn", package: "Outturn")

let package = Package(
    name: "OutturnBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Outturn", path: ".."),
        // The default traits of 1.38.1 need swift-runtime-interposer, which this mirror lacks;
        // MallocInterposer alone gives the malloc counters.
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Seeded synthetic data and dataset lookup shared by the suites (benchmark-only code).
        .target(name: "BenchmarkSupport", dependencies: [numerics], path: "Sources/BenchmarkSupport"),
        suite("LinearAlgebra", [numerics]),
        suite("LedgerRead", [domain]),
        suite("LeastSquares", [numerics]),
        suite("BatchTrend", [numerics]),
        suite("Smoothing", [numerics]),
        suite("AutoForecast", [numerics]),
        suite("Simulation", [numerics]),
        // The Outturn side of `make bench-peers` (Benchmarks/peers/run.sh): plain timings printed as
        // JSON lines, built once in release mode.
        .executableTarget(
            name: "outturn-timings",
            dependencies: [numerics, domain, "BenchmarkSupport"],
            path: "Sources/outturn-timings"
        ),
    ],
    swiftLanguageModes: [.v6]
)
