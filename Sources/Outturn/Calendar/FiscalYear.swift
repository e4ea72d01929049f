/// A fiscal year, identified by the calendar year in which it starts, and printed the way its
/// files write it (``YearLabelStyle``): `2021/22` (UK budget papers, the default), `2021` (a
/// calendar-year body), `FY2022` (a US city: the year it ends in).
///
/// Equality, hashing and order use ``startYear`` only: `2021/22` and `FY2022` (April start) are the
/// same year, printed two ways.
public struct FiscalYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year in which the fiscal year starts.
    public let startYear: Int
    /// How the year is printed (not part of its identity).
    public var style: YearLabelStyle

    /// The fiscal year that starts in `startYear`, printed in `style` (default `2021/22`).
    public init(startYear: Int, style: YearLabelStyle = .span) {
        self.startYear = startYear
        self.style = style
    }

    /// Parses the span form only: `2021/22`, `2021-22` or `2021/2022` (ASCII digits, one separator,
    /// surrounding spaces allowed); returns nil for anything else, including a sign (`-2022/23`), a
    /// second separator, or a second half that does not follow the first (`2021/23`). For every
    /// form people write (`2021`, `FY2022`, `FY22`) use ``init(label:startingIn:)``.
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
        self.init(startYear: start)
    }

    /// The following fiscal year (same style).
    public var next: FiscalYear { FiscalYear(startYear: startYear + 1, style: style) }

    /// The preceding fiscal year (same style).
    public var previous: FiscalYear { FiscalYear(startYear: startYear - 1, style: style) }

    /// This year printed in `style`.
    package func styled(_ style: YearLabelStyle) -> FiscalYear { FiscalYear(startYear: startYear, style: style) }

    /// The year in its style: `2021/22`, `2021`, `FY2022` or `FY22`.
    public var description: String { style.label(startYear: startYear) }

    /// The same year whatever its label style (`2021/22` equals `FY2022`).
    public static func == (lhs: FiscalYear, rhs: FiscalYear) -> Bool { lhs.startYear == rhs.startYear }
    /// Hashes the start year only, consistent with ``==(_:_:)``.
    public func hash(into hasher: inout Hasher) { hasher.combine(startYear) }
    /// Earlier years first, by start year.
    public static func < (lhs: FiscalYear, rhs: FiscalYear) -> Bool { lhs.startYear < rhs.startYear }
}

import Foundation
