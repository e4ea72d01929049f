// swift-tools-version:6.0
// Outturn: budget forecasting and variance on OpenBLAS.
// Dependencies run one way: planner → Outturn → OutturnNumerics → COpenBLAS.
import PackageDescription

let package = Package(
    name: "Outturn",
    products: [
        // Public API
        .library(name: "OutturnNumerics", targets: ["OutturnNumerics"]),
        .library(name: "Outturn", targets: ["Outturn"]),
        .executable(name: "planner", targets: ["planner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/JohnSundell/Plot", exact: "0.14.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // `swift package generate-documentation` (make docs); a plugin only, nothing of it is linked.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", exact: "1.5.0"),
        // SHA-256 of every input file for the run record (Foundation on Linux has no CryptoKit).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Implementation details: the OpenBLAS system library (Debian's libopenblas-dev).
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        // Numerics: no budget words in here.
        .target(name: "OutturnNumerics", dependencies: ["COpenBLAS"]),
        // Domain: budgets, ledgers, scenarios, variance, risk.
        .target(
            name: "Outturn",
            dependencies: [
                "OutturnNumerics",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The command-line tool: parses arguments, calls Outturn, renders.
        .executableTarget(
            name: "planner",
            dependencies: [
                "Outturn",
                "OutturnNumerics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Maintainers' tool, not a product: regenerates IntervalCalibration+Table.swift
        // (`swift run outturn-calibrate FILE:H …`, docs/forecasting.md).
        .executableTarget(
            name: "outturn-calibrate",
            dependencies: [
                "Outturn",
                "OutturnNumerics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test support: tolerance-aware comparison, seeded RNG, snapshots, dataset locator.
        .target(name: "_TestSupport", dependencies: ["OutturnNumerics"], path: "Sources/_TestSupport"),
        .testTarget(name: "OutturnNumericsTests", dependencies: ["OutturnNumerics", "_TestSupport"]),
        .testTarget(name: "OutturnTests", dependencies: [
            "Outturn", "_TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Runs the built `planner` binary; golden files live in Tests/PlannerTests/Snapshots/.
        .testTarget(name: "PlannerTests", dependencies: ["_TestSupport"], exclude: ["Snapshots", "Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
