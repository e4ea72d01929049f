/// How a file writes its years, so that reports print them back the same way.
///
/// | written    | style                           | the fiscal year                                     |
/// |------------|---------------------------------|-----------------------------------------------------|
/// | `2021/22`, `2021-22`, `2021/2022` | ``span``  | starts in 2021 (whatever month years start in)   |
/// | `2021`     | ``startYear``                   | starts in 2021: the calendar year 2021 with a January start |
/// | `FY2022`   | ``fiscal(twoDigits:endsInNextCalendarYear:)`` | ends in 2022: July 2021–June 2022 with a July start; the calendar year 2022 with a January start |
/// | `FY22`     | the same, two digits (`FY00`–`FY69` are 2000–2069, `FY70`–`FY99` 1970–1999) | |
///
/// A bare year names the year that **starts** in it (as `2021/22` does), and an FY label the year
/// it **ends** in (US practice); with a January start both are simply the calendar year.
public enum YearLabelStyle: Hashable, Sendable, CustomStringConvertible {
    /// `2021/22`: the two calendar years the fiscal year spans (UK budget papers).
    case span
    /// `2021`: the calendar year the fiscal year starts in.
    case startYear
    /// `FY2022` or (`twoDigits`) `FY22`: the calendar year the fiscal year ends in. With a January
    /// start (`endsInNextCalendarYear` false) that is the year it starts in.
    case fiscal(twoDigits: Bool, endsInNextCalendarYear: Bool)

    /// `startYear` written in this style.
    package func label(startYear: Int) -> String {
        switch self {
        case .span:
            let end = (startYear + 1) % 100
            // Four digits for the start, as parsed (0999/00 reads back; 999/00 would not).
            return Self.padded(startYear, 4) + "/" + Self.padded(end, 2)
        case .startYear:
            return Self.padded(startYear, 4)
        case .fiscal(let twoDigits, let next):
            let end = startYear + (next ? 1 : 0)
            return "FY" + (twoDigits ? Self.padded(((end % 100) + 100) % 100, 2) : Self.padded(end, 4))
        }
    }

    /// An example of the style, for hints: `2021/22`, `2021`, `FY2022`, `FY22`.
    public var description: String {
        switch self {
        case .span: "2021/22"
        case .startYear: "2021"
        case .fiscal(let twoDigits, _): twoDigits ? "FY22" : "FY2022"
        }
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

extension FiscalYear {
    /// Parses a year as people write it, given the month years start in: `2021/22`, `2021-22`,
    /// `2021/2022`, `2021`, `FY2022`, `FY22` (also `fy2022`, `FY 2022`, `FY-2022`, `FY/2022`); see
    /// ``YearLabelStyle`` for what each names. The result prints back in the style it was written
    /// in. Returns nil for anything else (signs, other digits counts, years before 1000).
    public init?(label text: String, startingIn start: MonthOfYear) {
        if let span = FiscalYear(text) {
            self = span
            return
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var bytes = Substring(trimmed).utf8[...]
        let isDigit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        if bytes.count >= 2, bytes.prefix(2).map({ $0 | 0x20 }) == [UInt8(ascii: "f"), UInt8(ascii: "y")] {
            bytes = bytes.dropFirst(2)
            if let first = bytes.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "-") || first == UInt8(ascii: "/") {
                bytes = bytes.dropFirst()
            }
            guard bytes.count == 2 || bytes.count == 4, bytes.allSatisfy(isDigit) else { return nil }
            var number = bytes.reduce(0) { $0 * 10 + Int($1) - 0x30 }
            if bytes.count == 2 { number += number < 70 ? 2000 : 1900 }
            guard number >= 1000 else { return nil }
            let next = start != .january
            self.init(startYear: number - (next ? 1 : 0),
                      style: .fiscal(twoDigits: bytes.count == 2, endsInNextCalendarYear: next))
            return
        }
        guard bytes.count == 4, bytes.allSatisfy(isDigit) else { return nil }
        let number = bytes.reduce(0) { $0 * 10 + Int($1) - 0x30 }
        guard number >= 1000 else { return nil }
        self.init(startYear: number, style: .startYear)
    }
}

/// How the files of one run read their years: the month years start in, and (once the first year
/// is read) the one style every file must keep.
public struct YearReading: Sendable {
    /// The month each fiscal year starts in (the scenario's `fiscal_year_start`).
    package var start: MonthOfYear
    /// The style the files must use, and where it was first written; nil: the first year read sets it.
    package var established: EstablishedStyle?

    /// A style of year set by the first year read: `FY2022` at `scenario.yaml:3`.
    package struct EstablishedStyle: Sendable, Equatable {
        /// The style every year must keep.
        package var style: YearLabelStyle
        /// The year as first written (`FY2022`).
        package var example: String
        /// Where it was written (`scenario.yaml:3`, or `target_year in scenario.yaml:3`).
        package var place: String
    }

    /// Years starting in `start`, style not yet set.
    package init(start: MonthOfYear = .april) {
        self.start = start
        self.established = nil
    }

    /// April start (the default), any one style.
    public static let standard = YearReading()

    /// Years written in `year`'s style, first at `place` (`scenario.yaml:3`).
    package func keeping(_ year: FiscalYear, writtenAt place: String) -> YearReading {
        var copy = self
        copy.established = EstablishedStyle(style: year.style, example: year.description, place: place)
        return copy
    }

    /// Parses `text` (a year written at `file:line`); nil when it is no year. Throws when it is
    /// written in another style than the established one.
    package func year(_ text: String, file: String, line: Int?, column: String = "year") throws -> FiscalYear? {
        guard let year = FiscalYear(label: text, startingIn: start) else { return nil }
        try check(year, text: text, file: file, line: line, column: column)
        return year
    }

    /// Throws unless `year` (written as `text` at `file:line`) keeps the established style.
    package func check(_ year: FiscalYear, text: String, file: String, line: Int?, column: String = "year") throws {
        guard let established, established.style != year.style else { return }
        throw InputError(file: file, line: line,
                         message: "\(column) '\(InputError.echo(text))' is written differently from '\(established.example)' (\(established.place)); one style of year per set of files",
                         hint: "write every year as \(established.style) is written, e.g. \(established.style.label(startYear: year.startYear))")
    }

    /// The hint for a text that is no year.
    package var hint: String {
        if let established { return "write years as \(established.example) is written (\(established.place))" }
        return "write years as 2021/22, 2021, FY2022 or FY22 (years start in \(start))"
    }
}

extension Scenario {
    /// How the scenario's other files read years: from ``fiscalYearStart``, in the style of
    /// `target_year`.
    package var yearReading: YearReading {
        YearReading(start: fiscalYearStart).keeping(targetYear, writtenAt: "target_year, \(fileName):\(targetYearLine)")
    }
}
