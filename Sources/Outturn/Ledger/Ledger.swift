import Foundation

/// Budget lines by fiscal year, as read from a ledger CSV: every (line, year) at most once, and
/// no gaps inside a line's run of years.
public struct Ledger: Sendable {
    /// How the file is named in messages.
    public let fileName: String
    /// All entries in file order.
    public let entries: [LedgerEntry]

    /// Builds a ledger from entries, rejecting duplicates and gaps.
    /// - Throws: ``InputError`` naming the file and the line of the offending row.
    public init(fileName: String, entries: [LedgerEntry]) throws {
        guard !entries.isEmpty else {
            throw InputError(file: fileName, line: nil, message: "the ledger has no rows",
                             hint: "add one row per budget line and year: line,year,budget,actual")
        }
        var seen: [String: [FiscalYear: Int]] = [:]
        for entry in entries {
            let key = entry.line.lowercased()
            if let first = seen[key]?[entry.year] {
                throw InputError(file: fileName, line: entry.sourceLine,
                                 message: "line '\(entry.line)' has a second row for \(entry.year) (the first is on line \(first))",
                                 hint: "each budget line has one row per year; combine or remove one of them")
            }
            seen[key, default: [:]][entry.year] = entry.sourceLine
        }
        self.fileName = fileName
        self.entries = entries
        for name in lineNames {
            let years = history(of: name).map(\.year)
            for (earlier, later) in zip(years, years.dropFirst()) where later != earlier.next {
                let row = history(of: name).first { $0.year == later }!.sourceLine
                throw InputError(file: fileName, line: row,
                                 message: "line '\(name)' has no row for \(earlier.next) (it has \(earlier) and \(later))",
                                 hint: "add the missing year, with its budget and actual")
            }
        }
    }

    /// Budget line names in order of first appearance.
    public var lineNames: [String] {
        var seen = Set<String>()
        return entries.compactMap { seen.insert($0.line.lowercased()).inserted ? $0.line : nil }
    }

    /// Every fiscal year present, ascending.
    public var years: [FiscalYear] { Array(Set(entries.map(\.year))).sorted() }

    /// The latest fiscal year in the ledger.
    public var latestYear: FiscalYear { years.last! }

    /// The entries for `line` (case-insensitive), oldest first.
    public func history(of line: String) -> [LedgerEntry] {
        entries.filter { $0.line.caseInsensitiveCompare(line) == .orderedSame }.sorted { $0.year < $1.year }
    }

    /// The entries for `year`, in file order.
    public func entries(in year: FiscalYear) -> [LedgerEntry] { entries.filter { $0.year == year } }

    /// The ledger's own spelling of `name` (case-insensitive match), or nil.
    public func lineName(matching name: String) -> String? {
        lineNames.first { $0.caseInsensitiveCompare(name) == .orderedSame }
    }
}
