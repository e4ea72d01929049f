import Foundation
import Testing
import _TestSupport

/// docs/planner.md and docs/scenario.md against the binary's own `--help`: every subcommand and
/// option the docs name exists, and every one the binary has is in docs/planner.md's table of
/// commands and options, so the two cannot drift apart.
@Suite("The docs name exactly the binary's commands and options")
struct DocsMatchHelpTests {
    /// `planner arguments`' standard output (help goes there, exit 0).
    static func help(_ arguments: [String]) throws -> String {
        let run = try PlannerProcess.run(arguments)
        try #require(run.exitCode == 0, "\(arguments): \(run.standardError)")
        return run.standardOutput
    }

    /// The section of `help` from the line `heading` to the next blank-line-separated heading.
    static func section(_ heading: String, of help: String) -> [Substring] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: Substring(heading)) else { return [] }
        return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
    }

    /// The subcommands `planner --help` lists.
    static func subcommands() throws -> [String] {
        try section("SUBCOMMANDS:", of: help(["--help"])).compactMap { line in
            // "  forecast (default)      Project …"; continuation lines are indented further.
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }
    }

    /// The options `planner command --help` lists, without `--help` and `--version`.
    static func options(of command: String) throws -> Set<String> {
        Set(try section("OPTIONS:", of: help([command, "--help"])).compactMap { line -> String? in
            // "  --format <format>   …" or "  -h, --help   …"; continuation lines start with more spaces.
            let trimmed = line.drop { $0 == " " }
            guard line.count - trimmed.count == 2 else { return nil }
            let name = trimmed.hasPrefix("-h, ") ? trimmed.dropFirst(4) : trimmed
            return name.prefix { !$0.isWhitespace }.description
        }).subtracting(["--help", "--version"])
    }

    /// The `--options` written in `text`.
    static func optionNames(in text: Substring) -> Set<String> {
        var names = Set<String>(), rest = text[...]
        while let range = rest.range(of: "--") {
            let name = rest[range.upperBound...].prefix { $0.isLowercase || $0.isNumber || $0 == "-" }
            if let first = name.first, first.isLowercase { names.insert("--" + name) }
            rest = rest[range.upperBound...]
        }
        return names
    }

    /// Every `code span` of a Markdown text (fenced blocks excluded; a span wrapped over two lines is one span).
    static func codeSpans(_ markdown: String) -> [Substring] {
        var prose = "", inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle(); prose += "\n"; continue }
            prose += (inFence ? "" : line) + "\n"
        }
        let parts = prose.split(separator: "`", omittingEmptySubsequences: false)
        return stride(from: 1, to: parts.count - 1, by: 2).map { Substring(parts[$0].replacingOccurrences(of: "\n", with: " ")) }
    }

    static func document(_ path: String) throws -> String {
        try String(contentsOf: Datasets.repositoryRoot.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("docs/planner.md's table of commands lists every subcommand with exactly the options its --help has")
    func tableMatchesHelp() throws {
        let commands = try Self.subcommands()
        #expect(commands.count >= 10 && commands.contains("forecast") && commands.contains("backtest-inyear"), "\(commands)")
        let lines = try Self.document("docs/planner.md").split(separator: "\n")
        let heading = try #require(lines.firstIndex(of: "## Every command and option"), "docs/planner.md has no table of commands")
        let table = lines[(heading + 1)...].prefix { !$0.hasPrefix("## ") }
        var documented: [String: Set<String>] = [:]
        for row in table where row.hasPrefix("| `planner ") {
            // "| `planner forecast` | `[SCENARIO]` … | options (defaults) |"
            let command = String(row.dropFirst("| `planner ".count).prefix { $0 != "`" })
            #expect(documented[command] == nil, "\(command) twice")
            documented[command] = Self.optionNames(in: Self.lastCell(of: row))
        }
        #expect(Set(documented.keys) == Set(commands), "table: \(documented.keys.sorted()), binary: \(commands)")
        for command in commands {
            let inHelp = try Self.options(of: command)
            let inDocs = documented[command] ?? []
            #expect(inDocs == inHelp, "\(command): only in docs \(inDocs.subtracting(inHelp).sorted()), only in --help \(inHelp.subtracting(inDocs).sorted())")
        }
    }

    /// The last cell of a Markdown table row, `\|` kept inside it.
    static func lastCell(of row: Substring) -> Substring {
        var cells: [Substring] = [], start = row.startIndex, index = row.startIndex
        while index < row.endIndex {
            if row[index] == "|", index == row.startIndex || row[row.index(before: index)] != "\\" {
                cells.append(row[start..<index])
                start = row.index(after: index)
            }
            index = row.index(after: index)
        }
        return cells.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
    }

    @Test("every `planner COMMAND …` and `COMMAND --option` in docs/planner.md and docs/scenario.md is a real command with that option")
    func everyNamedCommandAndOptionExists() throws {
        let commands = try Self.subcommands()
        var options: [String: Set<String>] = [:]
        for command in commands { options[command] = try Self.options(of: command) }
        // Every command also has --help and --version.
        for command in commands { options[command]?.formUnion(["--help", "--version"]) }
        let every = options.values.reduce(Set<String>()) { $0.union($1) }
        for file in ["docs/planner.md", "docs/scenario.md"] {
            for span in Self.codeSpans(try Self.document(file)) {
                // Scripts have options of their own (scripts/generate-ledger.py --lines N).
                if span.contains("scripts/") || span.contains(".py") { continue }
                var words = span.split(separator: " ")
                if words.first == "planner" { words.removeFirst() }
                let named = Self.optionNames(in: span)
                if span.hasPrefix("planner "), let word = words.first, word.allSatisfy({ $0.isLowercase || $0 == "-" }) {
                    // The one command that is not a command: the docs' example of a mistyped one.
                    if word == "forcast" { continue }
                    #expect(commands.contains(String(word)), "\(file): `\(span)` names no command")
                }
                if let word = words.first, let known = options[String(word)] {
                    #expect(named.isSubset(of: known), "\(file): `\(span)`: \(named.subtracting(known).sorted()) not options of \(word)")
                } else {
                    #expect(named.isSubset(of: every), "\(file): `\(span)`: \(named.subtracting(every).sorted()) not an option of any command")
                }
            }
        }
        // And that example is answered as the docs say.
        let mistyped = try PlannerProcess.run(["forcast"])
        #expect(mistyped.exitCode == 64 && mistyped.standardError.contains("did you mean 'forecast'?"), "\(mistyped.standardError)")
    }
}
