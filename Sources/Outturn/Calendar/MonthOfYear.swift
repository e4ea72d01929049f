import Foundation

/// A month of the calendar year, January = 1 … December = 12.
///
/// The scenario key `fiscal_year_start` is one of these (default ``april``, the UK public sector's year).
public enum MonthOfYear: Int, CaseIterable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The twelve months in calendar order; the raw value is the month number (January = 1).
    case january = 1, february, march, april, may, june, july, august, september, october, november, december

    /// Parses a month as people write it: `April`, `apr`, `APR` or `4` (1–12). Returns nil otherwise.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.utf8.count <= 2, trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
           let number = Int(trimmed) {
            self.init(rawValue: number)
            return
        }
        let lower = trimmed.lowercased()
        guard lower.utf8.count >= 3,
              let month = MonthOfYear.allCases.first(where: { $0.name.lowercased().hasPrefix(lower) }) else { return nil }
        // "Sept" is common; anything longer than the name, or not a prefix of it, is refused above.
        self = month
    }

    /// The English name: `April`.
    public var name: String {
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"][rawValue - 1]
    }

    /// The month's English name, as ``name``.
    public var description: String { name }

    /// Calendar order, January first.
    public static func < (lhs: MonthOfYear, rhs: MonthOfYear) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One calendar month of one year, written `2021-09` in CSV files.
public struct CalendarMonth: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The calendar year (four digits, 1000–9999).
    public let year: Int
    /// The month within `year`.
    public let month: MonthOfYear

    /// The month `month` of calendar year `year`.
    public init(year: Int, month: MonthOfYear) {
        self.year = year
        self.month = month
    }

    /// Parses `2021-09` (four-digit year, two-digit month, surrounding spaces allowed); nil otherwise.
    public init?(_ text: String) {
        let bytes = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              bytes.enumerated().allSatisfy({ $0.offset == 4 || ($0.element >= 0x30 && $0.element <= 0x39) }) else { return nil }
        let digits = bytes.map { Int($0) - 0x30 }
        let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        guard year >= 1000, let month = MonthOfYear(rawValue: digits[5] * 10 + digits[6]) else { return nil }
        self.init(year: year, month: month)
    }

    /// Months since January of year 0: a total order that steps by one month.
    public var ordinal: Int { year * 12 + month.rawValue - 1 }

    /// The month `count` months later (earlier when negative).
    public func advanced(by count: Int) -> CalendarMonth {
        let ordinal = self.ordinal + count
        let year = ordinal >= 0 ? ordinal / 12 : (ordinal - 11) / 12
        return CalendarMonth(year: year, month: MonthOfYear(rawValue: ordinal - year * 12 + 1)!)
    }

    /// `2021-09`.
    public var description: String {
        "\(year)-\(month.rawValue < 10 ? "0" : "")\(month.rawValue)"
    }

    /// Earlier months first.
    public static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool { lhs.ordinal < rhs.ordinal }
}

extension FiscalYear {
    /// The first calendar month of this fiscal year when years start in `start`
    /// (the year starting in `start` of calendar year ``startYear``).
    package func firstMonth(startingIn start: MonthOfYear) -> CalendarMonth {
        CalendarMonth(year: startYear, month: start)
    }

    /// The fiscal year that contains `month` when years start in `start`.
    package static func containing(_ month: CalendarMonth, startingIn start: MonthOfYear) -> FiscalYear {
        FiscalYear(startYear: month.month >= start ? month.year : month.year - 1)
    }

    /// The position of `month` within this fiscal year, 1 (the start month) … 12; nil when the
    /// month is not in this year.
    package func monthNumber(of month: CalendarMonth, startingIn start: MonthOfYear) -> Int? {
        let offset = month.ordinal - firstMonth(startingIn: start).ordinal
        return (0..<12).contains(offset) ? offset + 1 : nil
    }
}
