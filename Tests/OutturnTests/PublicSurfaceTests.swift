import Foundation
import Testing
import _TestSupport

/// The library products' public API stays the small, documented one (issue 13): the count of
/// `public` declarations per module, by the same grep as `scripts/public-surface.sh`, may not grow
/// past its limit; every public declaration carries a doc comment; every public type is listed in
/// its module's DocC landing page, so that the generated documentation reads as a guide.
///
/// A declaration that only the planner, the tests or `outturn-calibrate` use gets `package`
/// access. A new declaration that users do need: document it, list a new type under `## Topics`,
/// and raise the limit below in the same commit.
@Suite("Public API surface")
struct PublicSurfaceTests {
    /// The counts after issue 13 (OutturnNumerics 333 → 263, Outturn 506 → 371; the last additions
    /// were the report totals' own types, `VarianceFigures` and `MonitorTotal`, and `OutputError`),
    /// plus a margin of 10 for small additions between reviews.
    static let limits = ["OutturnNumerics": 273, "Outturn": 381]

    /// One public declaration: the file (relative to the repository root), its line and its text.
    struct Declaration: CustomStringConvertible {
        let file: String
        let line: Int
        let text: String
        var description: String { "\(file):\(line): \(text.trimmingCharacters(in: .whitespaces))" }
    }

    /// The script's `--list` for one module: its count and each declaration.
    static func surface(of module: String) throws -> (count: Int, declarations: [Declaration]) {
        let root = Datasets.repositoryRoot
        let script = root.appendingPathComponent("scripts/public-surface.sh").path
        let output = try ExternalTools.run(URL(fileURLWithPath: "/bin/bash"), [script, "--list", module])
        #expect(output.status == 0, "scripts/public-surface.sh failed: \(output.standardError)")
        let lines = String(decoding: output.standardOutput, as: UTF8.self).split(separator: "\n").map(String.init)
        guard let row = lines.first(where: { $0.hasPrefix(module + " ") }),
              let count = Int(row.split(separator: " ", omittingEmptySubsequences: true)[1]) else {
            Issue.record("no count for \(module) in the script's output:\n\(lines.joined(separator: "\n"))")
            return (0, [])
        }
        var files: [String: [String]] = [:]
        let declarations = try lines.filter { $0.hasPrefix("Sources/") }.map { entry -> Declaration in
            let parts = entry.split(separator: ":")
            let file = String(parts[0]), line = Int(parts[1])!
            if files[file] == nil {
                files[file] = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
                    .components(separatedBy: "\n")
            }
            return Declaration(file: file, line: line, text: files[file]![line - 1])
        }
        #expect(declarations.count == count, "the script's count and its list disagree for \(module)")
        return (count, declarations)
    }

    @Test("Neither library module's public surface grows past its limit",
          arguments: ["OutturnNumerics", "Outturn"])
    func publicDeclarationCountStaysWithinLimit(module: String) throws {
        let (count, _) = try Self.surface(of: module)
        let limit = try #require(Self.limits[module])
        #expect(count > 0, "no public declarations found in Sources/\(module): the script's grep no longer matches")
        #expect(count <= limit, """
            \(module) has \(count) public declarations, more than its limit of \(limit) \
            (`scripts/public-surface.sh --list \(module)` names them): make planner-only things `package`, \
            or document the new API and raise the limit in PublicSurfaceTests
            """)
    }

    @Test("Every public declaration has a doc comment", arguments: ["OutturnNumerics", "Outturn"])
    func everyPublicDeclarationIsDocumented(module: String) throws {
        let root = Datasets.repositoryRoot
        let (_, declarations) = try Self.surface(of: module)
        var undocumented: [Declaration] = []
        var files: [String: [String]] = [:]
        for declaration in declarations {
            if files[declaration.file] == nil {
                files[declaration.file] = try String(contentsOf: root.appendingPathComponent(declaration.file), encoding: .utf8)
                    .components(separatedBy: "\n")
            }
            let lines = files[declaration.file]!
            // The line above, skipping attributes (`@discardableResult`, `@inlinable`).
            var above = declaration.line - 2
            while above >= 0 && lines[above].trimmingCharacters(in: .whitespaces).hasPrefix("@") { above -= 1 }
            let previous = above >= 0 ? lines[above].trimmingCharacters(in: .whitespaces) : ""
            if !previous.hasPrefix("///") && !previous.hasSuffix("*/") { undocumented.append(declaration) }
        }
        #expect(undocumented.isEmpty, "public declarations without a doc comment:\n\(undocumented.map(\.description).joined(separator: "\n"))")
    }

    @Test("Every public type is listed under Topics on its module's DocC landing page",
          arguments: ["OutturnNumerics", "Outturn"])
    func everyPublicTypeIsOnTheLandingPage(module: String) throws {
        let (_, declarations) = try Self.surface(of: module)
        // Top-level types only (a nested type is documented on its parent's page).
        let pattern = #/^public (?:final )?(?:struct|enum|class|protocol|actor) (\w+)/#
        let types = declarations.compactMap { try? pattern.firstMatch(in: $0.text)?.output.1 }.map(String.init)
        #expect(!types.isEmpty)
        let page = try String(contentsOf: Datasets.repositoryRoot
            .appendingPathComponent("Sources/\(module)/\(module).docc/\(module).md"), encoding: .utf8)
        let topics = try #require(page.range(of: "## Topics")).upperBound
        let missing = types.filter { !page[topics...].contains("- ``\($0)``") }
        #expect(missing.isEmpty, "public types not listed under ## Topics in \(module).docc/\(module).md: \(missing.sorted())")
    }
}
