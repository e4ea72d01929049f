/// A UK public-sector fiscal year, April to March, written as in budget papers: `2021/22`.
///
/// Identified by the calendar year in which it starts (`2021/22` starts in April 2021).
public struct FiscalYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year in which the fiscal year starts (April).
    public let startYear: Int

    /// The fiscal year that starts in April of `startYear`.
    public init(startYear: Int) { self.startYear = startYear }

    /// Parses `2021/22`, `2021-22` or `2021/2022` (ASCII digits, one separator, surrounding
    /// spaces allowed); returns nil for anything else, including a sign (`-2022/23`), a second
    /// separator, or a second half that does not follow the first (`2021/23`).
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false).count == 2
            ? trimmed.split(separator: "/", omittingEmptySubsequences: false)
            : trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count == 4,
              parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
              let start = Int(parts[0]), let end = Int(parts[1]) else { return nil }
        switch parts[1].utf8.count {
        case 2: guard end == (start + 1) % 100 else { return nil }
        case 4: guard end == start + 1 else { return nil }
        default: return nil
        }
        self.startYear = start
    }

    /// The following fiscal year.
    public var next: FiscalYear { FiscalYear(startYear: startYear + 1) }

    /// The preceding fiscal year.
    public var previous: FiscalYear { FiscalYear(startYear: startYear - 1) }

    /// `2021/22`.
    public var description: String {
        let end = (startYear + 1) % 100
        // Four digits for the start, as parsed (0999/00 reads back; 999/00 would not).
        let start = String(startYear)
        return String(repeating: "0", count: max(0, 4 - start.count)) + "\(start)/\(end < 10 ? "0" : "")\(end)"
    }

    public static func < (lhs: FiscalYear, rhs: FiscalYear) -> Bool { lhs.startYear < rhs.startYear }
}

import Foundation
