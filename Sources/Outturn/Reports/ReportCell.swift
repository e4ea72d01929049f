import Foundation

/// One cell of a report table, typed so that each format can write it its own way.
package enum ReportCell: Sendable, Equatable {
    /// Free text (line names, statuses, reasons).
    case text(String)
    /// An exact amount; tables show `£1,234`, CSV shows `1234`.
    case money(Money)
    /// A percentage already in percent (15.6 = 15.6%), shown with one decimal; nil shows as blank.
    case percent(Double?)
    /// A probability in [0, 1], shown as a whole percentage (`37%`) in tables, as `0.372` in CSV.
    /// In tables a probability that is not exactly 0 or 1 never rounds to `0%` or `100%`: it shows as
    /// `<1%` or `>99%`, because a finance reader takes `100%` as certainty.
    case probability(Double)
    /// A count or measure, shown rounded to whole units with thousands separators.
    case quantity(Double)
    /// A plain number (a score, a ratio), shown with four decimals, so that a column of them lines up
    /// (the page drops trailing zeros: ``DocumentCell/display``); CSV drops trailing zeros.
    case number(Double)

    /// The text for tables and Markdown; free text is escaped (``DisplayText``) so it cannot
    /// split a row or reach the terminal as control codes.
    package var display: String {
        switch self {
        case .text(let text): return DisplayText.escaped(text)
        case .money(let money): return money.formatted()
        case .percent(let value): return value.map { ReportCell.fixed($0, decimals: 1) + "%" } ?? ""
        case .probability(let p):
            if p > 0 && p < 0.005 { return "<1%" }
            if p < 1 && p >= 0.995 { return ">99%" }
            return ReportCell.fixed(100 * p, decimals: 0) + "%"
        case .quantity(let value):
            let rounded = value.rounded()
            return (rounded < 0 ? "-" : "") + Money.grouped(UInt64(abs(rounded)))
        case .number(let value): return ReportCell.fixed(value, decimals: 4)
        }
    }

    /// The text for CSV: plain numbers for numbers, neutralised text for text.
    package var csv: String {
        switch self {
        case .text(let text): return CSVEscaping.field(CSVEscaping.neutralised(text))
        case .money(let money): return money.plainPounds
        case .percent(let value): return value.map { ReportCell.fixed($0, decimals: 2) } ?? ""
        case .probability(let p): return ReportCell.fixed(p, decimals: 4)
        case .quantity(let value): return ReportCell.fixed(value, decimals: 0)
        case .number(let value): return ReportCell.fixed(value, decimals: 4).trimmingZeros()
        }
    }

    /// Right-aligned in tables (numbers) or left-aligned (text).
    var isNumeric: Bool { if case .text = self { return false } else { return true } }

    /// `value` with exactly `decimals` decimals (see ``DecimalText/fixed(_:decimals:)``).
    static func fixed(_ value: Double, decimals: Int) -> String { DecimalText.fixed(value, decimals: decimals) }
}
