import Foundation

/// Locates files under the repository's `datasets/` folder from a test, whatever the working directory.
public enum Datasets {
    /// The repository root: two folders above `Sources/_TestSupport/`.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // _TestSupport
        .deletingLastPathComponent() // Sources
        .deletingLastPathComponent() // repository root

    /// The URL of `datasets/<relativePath>`.
    public static func url(_ relativePath: String) -> URL {
        repositoryRoot.appendingPathComponent("datasets").appendingPathComponent(relativePath)
    }

    /// The text of `datasets/<relativePath>` (UTF-8).
    public static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: url(relativePath), encoding: .utf8)
    }
}
