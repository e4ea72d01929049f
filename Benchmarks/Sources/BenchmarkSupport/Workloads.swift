import Foundation

/// Where the benchmark inputs live: the repository's datasets/ and the git-ignored
/// Benchmarks/.data/ written by `Benchmarks/peers/generate.py`.
public enum Workloads {
    /// The repository root, found from this file's path (Benchmarks/Sources/BenchmarkSupport/…).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A file under datasets/, e.g. "competition/m1-yearly.csv".
    public static func dataset(_ relativePath: String) -> URL {
        repositoryRoot.appendingPathComponent("datasets").appendingPathComponent(relativePath)
    }

    /// A generated file under Benchmarks/.data/; stops with a hint when it has not been generated.
    public static func generated(_ name: String) -> URL {
        let url = repositoryRoot.appendingPathComponent("Benchmarks/.data").appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            fatalError("\(url.path) is missing: run `python3 Benchmarks/peers/generate.py` (or `make bench-data`) first")
        }
        return url
    }
}
