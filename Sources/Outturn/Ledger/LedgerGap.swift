/// Years missing inside one budget line's run of years (a warning, not an error: the line is
/// projected from the years present, the years either side of the gap treated as consecutive, as
/// `exclude_years` treats a one-off year).
public struct LedgerGap: Sendable, Equatable {
    /// The budget line's name, as in the ledger.
    public let lineName: String
    /// The missing years, ascending (at least one).
    public let missing: [FiscalYear]
    /// The ledger row just after the gap (1-based file line).
    public let sourceLine: Int

    /// A gap of line `lineName` before the row on `sourceLine`.
    package init(lineName: String, missing: [FiscalYear], sourceLine: Int) {
        self.lineName = lineName
        self.missing = missing
        self.sourceLine = sourceLine
    }

    /// `2019/20 missing` or `2018/19–2019/20 missing` (2 or more consecutive years).
    package var missingText: String {
        missing.count == 1 ? "\(missing[0]) missing" : "\(missing.first!)–\(missing.last!) missing"
    }

    /// The gaps in `history` (one line's entries, oldest first).
    package static func gaps(in history: [LedgerEntry]) -> [LedgerGap] {
        zip(history, history.dropFirst()).compactMap { earlier, later in
            guard later.year.startYear > earlier.year.startYear + 1 else { return nil }
            let missing = (earlier.year.startYear + 1..<later.year.startYear).map {
                FiscalYear(startYear: $0, style: later.year.style)
            }
            return LedgerGap(lineName: later.lineName, missing: missing, sourceLine: later.sourceLine)
        }
    }

    /// The note a line's reason carries: `2019/20 missing; trend from the years present`, or nil
    /// when `history` has no gap.
    package static func note(for history: [LedgerEntry]) -> String? {
        let gaps = gaps(in: history)
        guard !gaps.isEmpty else { return nil }
        return gaps.map(\.missingText).joined(separator: ", ") + "; trend from the years present"
    }
}

extension LineProjection {
    /// This projection with `note` put first in its reason (nil: unchanged).
    func noting(_ note: String?) -> LineProjection {
        guard let note else { return self }
        return LineProjection(lineName: lineName, budget: budget, distribution: distribution, method: method,
                              reason: "\(note); \(reason)", yearsOfHistory: yearsOfHistory, spreadAssumed: spreadAssumed)
    }
}

extension ResolvedScenario {
    /// Warnings `planner check` shows: each line's missing years (`ledger.csv:7: line 'Rent':
    /// 2019/20 missing; projected from the years present`).
    package var warnings: [String] {
        ledger.gaps.map { gap in
            "\(gap.sourceLine > 0 ? "\(ledger.fileName):\(gap.sourceLine)" : ledger.fileName): warning: line '\(DisplayText.escaped(gap.lineName))': \(gap.missingText); projected from the years present"
        }
    }
}
