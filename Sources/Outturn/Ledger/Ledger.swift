import Foundation

/// Budget lines by fiscal year, as read from a ledger CSV: every (line, year) at most once, and
/// no gaps inside a line's run of years.
public struct Ledger: Sendable {
    /// How the file is named in messages.
    public let fileName: String
    /// All entries in file order.
    public let entries: [LedgerEntry]

    /// Each line's entries, oldest first, keyed by lowercased name.
    private let historyByLine: [String: [LedgerEntry]]
    /// Line names in order of first appearance.
    public let lineNames: [String]

    /// Builds a ledger from entries, rejecting duplicates and gaps.
    /// - Throws: ``InputError`` naming the file and the line of the offending row.
    /// - Complexity: O(n log n) for n entries.
    public init(fileName: String, entries: [LedgerEntry]) throws {
        guard !entries.isEmpty else {
            throw InputError(file: fileName, line: nil, message: "the ledger has no rows",
                             hint: "add one row per budget line and year: line,year,budget,actual")
        }
        var groups: [String: [LedgerEntry]] = [:]
        var names: [String] = []
        for entry in entries {
            let key = entry.line.lowercased()
            if groups[key] == nil { names.append(entry.line) }
            groups[key, default: []].append(entry)
        }
        for key in groups.keys {
            let sorted = groups[key]!.sorted { ($0.year, $0.sourceLine) < ($1.year, $1.sourceLine) }
            for (earlier, later) in zip(sorted, sorted.dropFirst()) {
                if later.year == earlier.year {
                    throw InputError(file: fileName, line: later.sourceLine,
                                     message: "line '\(later.line)' has a second row for \(later.year) (the first is on line \(earlier.sourceLine))",
                                     hint: "each budget line has one row per year; combine or remove one of them")
                }
                if later.year != earlier.year.next {
                    throw InputError(file: fileName, line: later.sourceLine,
                                     message: "line '\(later.line)' has no row for \(earlier.year.next) (it has \(earlier.year) and \(later.year))",
                                     hint: "add the missing year, with its budget and actual")
                }
            }
            groups[key] = sorted
        }
        self.fileName = fileName
        self.entries = entries
        self.historyByLine = groups
        self.lineNames = names
        self.years = Array(Set(entries.map(\.year))).sorted()
    }

    /// Every fiscal year present, ascending.
    public let years: [FiscalYear]

    /// The latest fiscal year in the ledger.
    public var latestYear: FiscalYear { years.last! }

    /// The entries for `line` (case-insensitive), oldest first.
    public func history(of line: String) -> [LedgerEntry] { historyByLine[line.lowercased()] ?? [] }

    /// The entries for `year`, in file order.
    public func entries(in year: FiscalYear) -> [LedgerEntry] { entries.filter { $0.year == year } }

    /// The ledger's own spelling of `name` (case-insensitive match), or nil.
    public func lineName(matching name: String) -> String? { historyByLine[name.lowercased()]?.first?.line }
}
