// swift-tools-version:6.0
// Outturn fuzz targets (libFuzzer). A package of its own, like Benchmarks/, so that the main
// package never builds them: each target defines LLVMFuzzerTestOneInput and hands its main to
// libFuzzer's driver, which needs `-sanitize=fuzzer`. Build and run them with `make fuzz` (Fuzz/run.sh),
// which uses the scratch path .build-fuzz/.
import PackageDescription

let domain: Target.Dependency = .product(name: "Outturn", package: "Outturn")
// Hands each executable's main over to libFuzzer (see Sources/FuzzDriver/driver.c).
let driver: Target.Dependency = "FuzzDriver"

let package = Package(
    name: "OutturnFuzz",
    dependencies: [.package(name: "Outturn", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        // The CSV reader, and the ledger and activity readers on top of it (amounts, years, rows).
        .executableTarget(name: "FuzzCSV", dependencies: [domain, driver]),
        // The money, rate and fiscal-year parsers, with round-trip properties.
        .executableTarget(name: "FuzzParsers", dependencies: [domain, driver]),
        // The scenario reader (YAML), resolved against a small ledger.
        .executableTarget(name: "FuzzScenario", dependencies: [domain, driver]),
        // The backtest reader: Outturn's LongSeriesFile.
        .executableTarget(name: "FuzzBacktest", dependencies: [domain, driver]),
    ],
    swiftLanguageModes: [.v6]
)
